using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Apis;

public static class ReceiptsApi
{
    public static IEndpointRouteBuilder MapReceiptsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/purchase-orders/{id:guid}/receipts", Receive).RequireAuthorization(Policies.Operate).WithTags("Receiving")
            .WithName("ReceivePurchaseOrder").WithSummary("Receives lines of a purchase order into a catalog location");
        app.MapGet("api/purchase-orders/{id:guid}/receipts", ListForOrder).RequireAuthorization(Policies.Read).WithTags("Receiving")
            .WithName("ListPurchaseOrderReceipts").WithSummary("A purchase order's receipts with each line's posting state");
        app.MapGet("api/receipts", ListByState).RequireAuthorization(Policies.Read).WithTags("Receiving")
            .WithName("ListReceiptLines").WithSummary("Receipt lines not yet in stock (pending or failing), oldest first");
        return app;
    }

    public static async Task<Results<Created<ReceiptDto>, NotFound, ValidationProblem, ProblemHttpResult>> Receive(
        Guid id, ReceiveRequest request, ReceivingService receiving, ReceiptSignal signal, HttpContext http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var outcome = await receiving.ReceiveAsync(id, request, CurrentUser.From(http).Id, idempotencyKey, ct);
        switch (outcome)
        {
            case ReceiveOutcome.Received received:
                if (received.Replayed)
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                else
                    signal.Notify();
                return TypedResults.Created($"/api/purchase-orders/{id}/receipts", ReceiptDto.From(received.Receipt));
            case ReceiveOutcome.KeyReused:
                return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["Idempotency-Key"] = ["This Idempotency-Key was already used for a different request; use a new key for a new request."],
                }) { Status = StatusCodes.Status422UnprocessableEntity, Title = "The Idempotency-Key was used for another request." });
            case ReceiveOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors);
            case ReceiveOutcome.Refused refused:
                return Problems.Conflict(refused.Field, refused.Message);
            default:
                return TypedResults.NotFound();
        }
    }

    public static async Task<Results<Ok<List<ReceiptDto>>, NotFound>> ListForOrder(Guid id, ProcurementDbContext db, CancellationToken ct)
    {
        if (!await db.PurchaseOrders.AnyAsync(o => o.Id == id, ct))
            return TypedResults.NotFound();
        var receipts = await db.Receipts.AsNoTracking().Include(r => r.Lines).Where(r => r.PurchaseOrderId == id)
            .OrderBy(r => r.ReceivedAt).ToListAsync(ct);
        return TypedResults.Ok(receipts.Select(ReceiptDto.From).ToList());
    }

    public static async Task<Results<Ok<List<ReceiptLineDto>>, ValidationProblem>> ListByState(
        ProcurementDbContext db, string? state = null, CancellationToken ct = default)
    {
        var query = db.ReceiptLines.AsNoTracking().Where(l => l.PostedAt == null);
        if (state is not null)
        {
            if (!Enum.TryParse<PostingState>(state, ignoreCase: true, out var parsed) || parsed == PostingState.Posted)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["State must be pending or failing."] });
            query = query.Where(l => l.PostingState == parsed);
        }
        var lines = await query.OrderBy(l => l.NextAttemptAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(lines.Select(l => new ReceiptLineDto(l.Id, l.PurchaseOrderLineId, l.ItemId, l.Quantity,
            l.PostingState.ToString(), l.Attempts, l.LastError, l.PostedAt)).ToList());
    }
}
