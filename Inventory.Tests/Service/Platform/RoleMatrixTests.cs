using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// Every endpoint of every service, found from the endpoint metadata, is protected: 401 without a token,
/// 403 for a role below its policy, and let through for the policy's lowest role. A new endpoint without a
/// policy, or with the wrong one, fails here.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class RoleMatrixTests(ServicesFixture fixture)
{
    public static TheoryData<string> Services => ["catalog", "procurement"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_endpoint_refuses_anonymous_callers_and_insufficient_roles(string service)
    {
        var (factory, endpoints) = Endpoints(service);
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var anonymous = await SendAsync(factory.CreateClient(), endpoint);
            Assert.True(anonymous == HttpStatusCode.Unauthorized, $"{endpoint} gave {anonymous} to an anonymous caller");

            if (endpoint.Policy == Policies.ProcurementService)
            {
                var user = await SendAsync(factory.CreateClientAs(Roles.Admin), endpoint);
                Assert.True(user == HttpStatusCode.Forbidden, $"{endpoint} gave {user} to an Admin user");
                continue;
            }

            var allowed = Policies.UserPolicyRoles[endpoint.Policy];
            var below = Roles.All.Except(allowed).LastOrDefault();
            if (below is not null)
            {
                var denied = await SendAsync(factory.CreateClientAs(below), endpoint);
                Assert.True(denied == HttpStatusCode.Forbidden, $"{endpoint} gave {denied} to a {below}");
            }
            var admitted = await SendAsync(factory.CreateClientAs(allowed[0]), endpoint);
            Assert.True(admitted is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden,
                $"{endpoint} refused a {allowed[0]} ({admitted})");

            // A trusted peer service (procurement, at catalog) may read, never change anything as if it were a user.
            var asService = await SendAsync(factory.CreateServiceClient(), endpoint);
            if (endpoint.Policy == Policies.Read && service == "catalog")
                Assert.True(asService is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{endpoint} refused a peer service ({asService})");
            else
                Assert.True(asService is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{endpoint} let a service identity act as a user ({asService})");
        }
    }

    [Fact]
    public void Every_endpoint_but_health_names_a_known_policy()
    {
        foreach (var service in new[] { "catalog", "procurement" })
        {
            foreach (var endpoint in AllRouteEndpoints(service))
            {
                var metadata = endpoint.Metadata;
                if (metadata.GetMetadata<IAllowAnonymous>() is not null)
                {
                    Assert.Matches("^/(health|alive|openapi/|scalar)", "/" + endpoint.RoutePattern.RawText!.TrimStart('/'));
                    continue;
                }
                var policy = metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
                Assert.True(policy is not null && (Policies.UserPolicyRoles.ContainsKey(policy) || policy == Policies.ProcurementService),
                    $"{service} {endpoint.DisplayName} has no known policy");
            }
        }
    }

    private sealed record ProtectedEndpoint(string Method, string Path, string Policy)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private (IServiceFactory Factory, List<ProtectedEndpoint> Endpoints) Endpoints(string service)
    {
        var endpoints = AllRouteEndpoints(service)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ProtectedEndpoint(
                method,
                ConcretePath(e.RoutePattern.RawText!),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Last(p => p is not null)!)))
            .ToList();
        return (Factory(service), endpoints);
    }

    private IEnumerable<RouteEndpoint> AllRouteEndpoints(string service)
    {
        var factory = Factory(service);
        _ = factory.CreateClient(); // builds the host
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
    }

    private IServiceFactory Factory(string service) => service switch
    {
        "catalog" => new FactoryAdapter<Inventory.CatalogService.Data.CatalogDbContext>(fixture.Catalog),
        _ => new FactoryAdapter<Inventory.ProcurementService.Data.ProcurementDbContext>(fixture.Procurement),
    };

    // Route parameters get a value of their constraint's type; the handler may then say 404 or 400, never 401/403.
    private static string ConcretePath(string pattern) => "/" + RouteParameter().Replace(pattern.TrimStart('/'), match =>
        match.Value.Contains(":guid") ? Guid.Empty.ToString() : match.Value.Contains(":int") || match.Value.Contains(":long") ? "1" : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, ProtectedEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private interface IServiceFactory
    {
        IServiceProvider Services { get; }
        HttpClient CreateClient();
        HttpClient CreateClientAs(string role);
        HttpClient CreateServiceClient();
    }

    private sealed class FactoryAdapter<T>(ServiceFactory<T> factory) : IServiceFactory where T : class
    {
        public IServiceProvider Services => factory.Services;
        public HttpClient CreateClient() => factory.CreateClient();
        public HttpClient CreateClientAs(string role) => factory.CreateClientAs(role);
        public HttpClient CreateServiceClient() => factory.CreateServiceClient();
    }
}
