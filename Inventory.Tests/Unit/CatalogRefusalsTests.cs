using System.Net;
using Inventory.ProcurementService.Catalog;

namespace Inventory.Tests.Unit;

public sealed class CatalogRefusalsTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, true)]
    [InlineData(HttpStatusCode.NotFound, true)]
    [InlineData(HttpStatusCode.Conflict, true)]
    [InlineData(HttpStatusCode.UnprocessableEntity, true)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    public void Only_answers_about_the_line_itself_are_final(HttpStatusCode status, bool final) =>
        Assert.Equal(final, CatalogRefusals.IsFinal(status));

    [Fact]
    public void The_reason_is_the_problems_field_messages_in_words()
    {
        const string body = """
            {"title":"The change conflicts with the current state.","status":409,"detail":"Location WH-1 is archived: it takes no new stock.",
             "errors":{"locationId":["Location WH-1 is archived: it takes no new stock."]}}
            """;

        Assert.Equal("Location WH-1 is archived: it takes no new stock.", CatalogRefusals.Reason(HttpStatusCode.Conflict, "Conflict", body));
    }

    [Theory]
    [InlineData("""{"title":"No such item.","status":404}""", "No such item.")]
    [InlineData("not json", "The catalog refused the line (404 Not Found).")]
    [InlineData("", "The catalog refused the line (404 Not Found).")]
    public void Without_field_errors_the_reason_is_the_title_or_the_status(string body, string reason) =>
        Assert.Equal(reason, CatalogRefusals.Reason(HttpStatusCode.NotFound, "Not Found", body));
}
