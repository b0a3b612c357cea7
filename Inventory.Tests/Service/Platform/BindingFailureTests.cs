using System.Net;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// A typed parameter the framework cannot bind is a 400 naming that parameter, from the services' one exception
/// handler, whatever the endpoint (the services take most query values as text, but nothing stops a typed one).
/// </summary>
public sealed class BindingFailureTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddApiProblemDetails();
        _app = builder.Build();
        _app.UseApiProblemDetails();
        _app.MapGet("/typed", (bool includeArchived, int? pageSize, Guid? supplierId) => Results.Ok());
        _app.MapGet("/required", (int count) => Results.Ok());
        _app.MapGet("/header", ([FromHeader(Name = "X-Count")] int count) => Results.Ok());
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/typed?includeArchived=abc", "includeArchived")]
    [InlineData("/typed?includeArchived=true&pageSize=ten", "pageSize")]
    [InlineData("/typed?includeArchived=true&pageSize=99999999999", "pageSize")]
    [InlineData("/typed?includeArchived=true&supplierId=not-a-guid", "supplierId")]
    [InlineData("/required", "count")]
    public async Task A_value_that_does_not_bind_is_a_400_naming_its_parameter(string path, string parameter)
    {
        var errors = await (await _client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([parameter], errors.Keys);
    }

    [Fact]
    public async Task A_header_that_does_not_bind_is_a_400_naming_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/header");
        request.Headers.Add("X-Count", "many");

        var errors = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(errors);
    }
}
