using System.Security.Claims;
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
        app.MapGet("api/receipts", ListUnposted).RequireAuthorization(Policies.Read).WithTags("Receiving")
            .WithName("ListReceiptLines").WithSummary("Receipt lines not yet in stock (pending, failing or rejected), oldest first, a page at a time");
        return app;
    }

    public static async Task<Results<Created<ReceiptDto>, Ok<ReceiptDto>, ValidationProblem, ProblemHttpResult>> Receive(
        Guid id, ReceiveRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, ReceivingService receiving, ReceiptSignal signal, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await ValidatedWrite.RunAsync(ReceivingRules.Validate(request), db, http, idempotencyKey, request,
            _ => $"/api/purchase-orders/{id}/receipts",
            t => receiving.ReceiveAsync(id, request, CurrentUser.From(user).Id, t), ct,
            precheck: t => receiving.CheckWithCatalogAsync(id, request, t));
        // The receipt has committed: wake the dispatcher now. A replay's wake-up finds nothing new, which is harmless.
        if (result.Result is Created<ReceiptDto>)
            signal.Notify();
        return result;
    }

    public static async Task<Results<Ok<List<ReceiptDto>>, ProblemHttpResult>> ListForOrder(Guid id, ProcurementDbContext db, CancellationToken ct)
    {
        if (!await db.PurchaseOrders.AnyAsync(o => o.Id == id, ct))
            return Problems.NotFound("purchase order");
        var receipts = await db.Receipts.AsNoTracking().Include(r => r.Lines).Where(r => r.PurchaseOrderId == id)
            .OrderBy(r => r.ReceivedAt).ToListAsync(ct);
        return TypedResults.Ok(receipts.Select(ReceiptDto.From).ToList());
    }

    public static async Task<Results<Ok<Page<ReceiptLineDto>>, ValidationProblem>> ListUnposted(
        ProcurementDbContext db, string? state = null, string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, "id", 1, out var afterKey);
        var wanted = QueryValues.OneOf(errors, "state", state, "", nameof(PostingState.Pending), nameof(PostingState.Failing), nameof(PostingState.Rejected));
        Guid? afterId = null;
        if (afterKey is not null)
        {
            if (Guid.TryParse(afterKey[0], out var parsed))
                afterId = parsed;
            else
                errors["after"] = [Paging.InvalidCursor];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.ReceiptLines.AsNoTracking().Where(l => l.PostedAt == null);
        if (wanted.Length > 0)
        {
            var postingState = Enum.Parse<PostingState>(wanted);
            query = query.Where(l => l.PostingState == postingState);
        }
        // By id (time-ordered), not by the next attempt: the dispatcher moves that while a client pages.
        if (afterId is not null)
            query = query.Where(l => l.Id.CompareTo(afterId.Value) > 0);
        var rows = await query.OrderBy(l => l.Id).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, ReceiptLineDto.From, "id", l => [l.Id.ToString()]));
    }
}
