using System.Net;
using System.Text;
using Inventory.Web.Services;
using Inventory.Web.Services.Procurement;

namespace Inventory.Tests.Web;

/// <summary>
/// How Web's procurement client turns the service's answers into what the pages show — including the answers the
/// shared end-to-end app cannot be made to give on demand (the service down, the catalog behind it down, a bug).
/// </summary>
public sealed class ProcurementClientTests
{
    private static readonly SupplierWrite Supplier = new("Acme", null, null, null, null, null, null, null, null, null);

    [Fact]
    public async Task A_validation_problem_comes_back_as_field_errors_not_as_an_exception()
    {
        var client = Client(HttpStatusCode.BadRequest, """{"title":"One or more validation errors occurred.","status":400,"errors":{"name":["Name is required."],"lines[2].quantity":["Quantity must be more than zero."]}}""");

        var result = await client.SaveSupplierAsync(null, Supplier, "key-1", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Problem.Status);
        Assert.Equal(["Name is required."], result.Problem.Errors["name"]);
        Assert.Equal(["Quantity must be more than zero."], result.Problem.Errors["lines[2].quantity"]);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_the_page_recognises_with_the_services_explanation()
    {
        const string title = "The supplier was changed by someone else since you read it. Reload it and apply your change again.";
        var client = Client(HttpStatusCode.Conflict, $$$"""{"title":"{{{title}}}","status":409,"errors":{"version":["{{{title}}}"]}}""");

        var result = await client.SaveSupplierAsync(Guid.NewGuid(), Supplier with { Version = 3 }, "key-1", CancellationToken.None);

        Assert.True(result.Problem!.IsStale);
        Assert.Equal(title, result.Problem.Title);
    }

    [Fact]
    public async Task The_catalog_being_down_behind_procurement_is_shown_with_the_services_message()
    {
        var client = Client(HttpStatusCode.ServiceUnavailable, """{"title":"The catalog service is unavailable; try again shortly.","status":503}""");

        var result = await client.SaveOrderAsync(null, new PurchaseOrderWrite(Guid.NewGuid(), null, null, [], null), "key-1", CancellationToken.None);

        Assert.True(result.Problem!.IsUnavailable);
        Assert.Equal("The catalog service is unavailable; try again shortly.", result.Problem.Title);
    }

    [Fact]
    public async Task An_unreachable_service_is_a_503_problem_not_an_exception()
    {
        var client = new ProcurementClient(new HttpClient(new Stub(_ => throw new HttpRequestException("Connection refused"))) { BaseAddress = new Uri("http://procurement") });

        var result = await client.GetOrderAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(503, result.Problem!.Status);
        Assert.Equal("The procurement service is not answering right now. Try again in a moment.", result.Problem.Title);
    }

    [Fact]
    public async Task A_server_error_is_reported_without_its_own_text()
    {
        var client = Client(HttpStatusCode.InternalServerError, """{"title":"NullReferenceException at Foo.Bar","status":500}""");

        var result = await client.ListSuppliersForTestAsync();

        Assert.Equal(500, result.Problem!.Status);
        Assert.DoesNotContain("NullReference", result.Problem.Title);
    }

    [Fact]
    public async Task A_forbidden_answer_says_not_allowed()
    {
        var client = Client(HttpStatusCode.Forbidden, "");

        var result = await client.ChangeOrderStatusAsync(Guid.NewGuid(), OrderAction.Cancel, 1, "key-1", CancellationToken.None);

        Assert.True(result.Problem!.IsForbidden);
        Assert.StartsWith("Not allowed", result.Problem.Title);
    }

    private static ProcurementClient Client(HttpStatusCode status, string body) =>
        new(new HttpClient(new Stub(_ => new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/problem+json"),
        })) { BaseAddress = new Uri("http://procurement") });

    private sealed class Stub(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}

internal static class ProcurementClientTestExtensions
{
    public static Task<ApiResult<Inventory.ServiceDefaults.Kit.Page<SupplierSummary>>> ListSuppliersForTestAsync(this ProcurementClient client) =>
        client.FindSuppliersAsync(null, null, 10, includeArchived: false, CancellationToken.None);
}
