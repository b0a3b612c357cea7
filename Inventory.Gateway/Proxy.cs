using Yarp.ReverseProxy.Transforms;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Inventory.Gateway;

/// <summary>
/// YARP from the <c>ReverseProxy</c> configuration section, with destinations resolved by service discovery
/// (<c>https+http://web</c>). YARP sets X-Forwarded-For/Proto/Host (replacing any a client sent) on every
/// proxied request.
/// </summary>
public static class Proxy
{
    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // The gateway compresses (Compression.cs); the web's own build-time .gz assets are barely compressed in
            // Development builds, so the web is asked for identity and every encoding is the gateway's.
            .AddTransforms(transforms => transforms.AddRequestHeaderRemove("Accept-Encoding"))
            .AddForwardedTraceContext()
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(AnswerProxyErrorsAsync);
            // The steps MapReverseProxy() has when given no pipeline.
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    /// <summary>
    /// When YARP cannot forward (Web unreachable, too slow, a body over the limit) it sets a status and
    /// nothing else; the client gets a ProblemDetails body like every other error instead.
    /// </summary>
    private static async Task AnswerProxyErrorsAsync(HttpContext context, Func<Task> next)
    {
        await next();

        if (context.GetForwarderErrorFeature() is not { } error || context.Response.HasStarted)
            return;

        // The RequestTimeouts middleware cancels HttpContext.RequestAborted, which YARP takes for the client
        // going away and answers 400 (https://github.com/dotnet/yarp/issues/2662). It was the gateway's timeout.
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (timedOut && error.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled)
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        if (!timedOut && context.RequestAborted.IsCancellationRequested)
            return; // the client did go away: nobody reads an answer

        var status = context.Response.StatusCode;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    StatusCodes.Status502BadGateway => "The application is not reachable.",
                    StatusCodes.Status504GatewayTimeout => "The application did not answer in time.",
                    _ => null, // the standard title of the status
                },
            },
        });
    }
}
