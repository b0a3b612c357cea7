using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.ProcurementService.Apis;

/// <summary>Receipt lines the catalog rejected: how many there are, and resolving one (whoever may receive may resolve).</summary>
public static class ReceiptLinesApi
{
    public static IEndpointRouteBuilder MapReceiptLinesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/receipts/attention", Attention).RequireAuthorization(Policies.Read).WithTags("Receiving")
            .WithName("ReceiptAttention").WithSummary("How many receipt lines the catalog rejected, and (some of) their orders");
        app.MapPost("api/receipt-lines/{id:guid}/retry", Retry).RequireAuthorization(Policies.Operate).WithTags("Receiving")
            .WithName("RetryReceiptLine").WithSummary("Posts a rejected receipt line again, as it is (after its cause was fixed)");
        app.MapPost("api/receipt-lines/{id:guid}/move", Move).RequireAuthorization(Policies.Operate).WithTags("Receiving")
            .WithName("MoveReceiptLine").WithSummary("Posts a rejected receipt line again, into another catalog location");
        return app;
    }

    public static async Task<Ok<ReceiptAttentionDto>> Attention(ProcurementDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ReceiptAttention.ReadAsync(db, ct));

    public static async Task<Results<Created<ReceiptLineDto>, Ok<ReceiptLineDto>, ValidationProblem, ProblemHttpResult>> Retry(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, ReceiptLineResolution resolution, ReceiptSignal signal, HttpContext http, CancellationToken ct) =>
        Woken(await ValidatedWrite.RunAsync(new(), db, http, idempotencyKey, new { id }, Location,
            t => resolution.RetryAsync(id, t), ct, created: false), signal);

    public static async Task<Results<Created<ReceiptLineDto>, Ok<ReceiptLineDto>, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, MoveReceiptLineRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, ReceiptLineResolution resolution, ReceiptSignal signal, HttpContext http, CancellationToken ct) =>
        Woken(await ValidatedWrite.RunAsync(ReceivingRules.Validate(request), db, http, idempotencyKey, request, Location,
            t => resolution.MoveAsync(id, request.LocationId!.Value, t), ct, created: false), signal);

    private static string Location(ReceiptLineDto line) => $"/api/receipt-lines/{line.Id}";

    // The line is Pending and due once this commits: wake the dispatcher rather than wait for its next poll.
    private static Results<Created<ReceiptLineDto>, Ok<ReceiptLineDto>, ValidationProblem, ProblemHttpResult> Woken(
        Results<Created<ReceiptLineDto>, Ok<ReceiptLineDto>, ValidationProblem, ProblemHttpResult> result, ReceiptSignal signal)
    {
        if (result.Result is Ok<ReceiptLineDto>)
            signal.Notify();
        return result;
    }
}
