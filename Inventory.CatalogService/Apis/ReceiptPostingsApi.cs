using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Apis;

/// <summary>Procurement's outbox posts each received purchase-order line here, at most once per line (<see cref="ReceiptPostings"/>).</summary>
public static class ReceiptPostingsApi
{
    public static IEndpointRouteBuilder MapReceiptPostingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/receipts", PostReceipt).WithTags("Receipts").WithName("PostReceipt")
            .WithSummary("Books a purchase-order receipt line from procurement (once per receiptLineId)")
            .RequireAuthorization(Policies.ProcurementService);
        return app;
    }

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ProblemHttpResult>> PostReceipt(
        ReceiptRequest request, ReceiptPostings receipts, CancellationToken ct) => receipts.PostAsync(request, ct);
}
