using Inventory.CatalogService.Data;
using Inventory.CatalogService.Lookup;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Apis;

public static class LookupApi
{
    public static IEndpointRouteBuilder MapLookupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/lookup", LookupCode).WithTags("Lookup").WithName("LookupCode")
            .WithSummary("The active items (SKU, barcode) and locations (barcode, code) a scanned code names, exactly and regardless of case")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<CodeLookupDto>, ProblemHttpResult>> LookupCode(CatalogDbContext db, string? code = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (QueryValues.Text(errors, "code", code) is not { } text)
            return Problems.Invalid(errors.Count > 0 ? errors : new() { ["code"] = ["Give a code to look up."] });
        return TypedResults.Ok(await CodeLookup.FindAsync(db, text, ct));
    }
}
