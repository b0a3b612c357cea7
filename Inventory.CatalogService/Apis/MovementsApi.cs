using System.Globalization;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class MovementsApi
{
    public static IEndpointRouteBuilder MapMovementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/movements").WithTags("Movements");
        api.MapGet("/", ListMovements).WithName("ListMovements")
            .WithSummary("The stock ledger, newest first: by item, location (with those under it), type, user, reference and time range, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/feed", ReadFeed).WithName("ReadMovementFeed")
            .WithSummary("The whole ledger for incremental readers, oldest first: each committed movement exactly once, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetMovement).WithName("GetMovement").WithSummary("One movement")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/receipts", Receive).WithName("ReceiveStock").WithSummary("Books stock received outside a purchase order")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/issues", Issue).WithName("IssueStock").WithSummary("Takes stock out of a location")
            .RequireAuthorization(Policies.Operate);
        api.MapPost("/adjustments", Adjust).WithName("AdjustStock").WithSummary("Corrects stock up or down, with a reason code")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/transfers", Transfer).WithName("TransferStock").WithSummary("Moves stock between two locations, all or nothing")
            .RequireAuthorization(Policies.Operate);
        return app;
    }

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Receive(
        StockChangeRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, MovementWriter movements,
        CancellationToken ct) =>
        movements.WriteAsync(StockRules.Validate(request), request, idempotencyKey, () => LedgerWrite.Receipt(request), ct);

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Issue(
        StockChangeRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, MovementWriter movements,
        CancellationToken ct) =>
        movements.WriteAsync(StockRules.Validate(request), request, idempotencyKey, () => LedgerWrite.Issue(request), ct);

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Adjust(
        AdjustmentRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, MovementWriter movements,
        CancellationToken ct) =>
        movements.WriteAsync(StockRules.Validate(request), request, idempotencyKey, () => LedgerWrite.Adjustment(request), ct);

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Transfer(
        TransferRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, MovementWriter movements,
        CancellationToken ct) =>
        movements.WriteAsync(StockRules.Validate(request), request, idempotencyKey, () => LedgerWrite.Transfer(request), ct);

    public static async Task<Results<Ok<MovementDto>, ProblemHttpResult>> GetMovement(Guid id, CatalogDbContext db, CancellationToken ct) =>
        await db.Movements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } movement
            ? TypedResults.Ok(MovementDto.From(movement))
            : Problems.NotFound("movement");

    public static async Task<Results<Ok<Page<MovementDto>>, ValidationProblem>> ReadFeed(
        CatalogDbContext db, string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, LedgerFeed.Ordering, 2, out var key);
        LedgerFeed.Position? position = null;
        if (key is not null && !LedgerFeed.Position.TryRead(key, out position))
            errors["after"] = [Paging.InvalidCursor];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await LedgerFeed.ReadAsync(db, position, size, ct));
    }

    public static async Task<Results<Ok<Page<LedgerRowDto>>, ValidationProblem>> ListMovements(
        CatalogDbContext db, string? itemId = null, string? locationId = null, string? type = null, string? userId = null, string? reference = null,
        string? from = null, string? to = null, string? operationId = null, string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, MovementListQuery.Ordering, 2, out var key);
        var list = MovementListQuery.Read(errors, itemId, locationId, type, userId, reference, operationId, from, to);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return await list.PageAsync(db, size, key, ct) is { } page
            ? TypedResults.Ok(page)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = [Paging.InvalidCursor] });
    }
}
