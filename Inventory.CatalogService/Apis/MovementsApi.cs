using System.Globalization;
using System.Security.Claims;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
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
            .WithSummary("The stock ledger, newest first: by item, location, type and date range, a page at a time")
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
        StockChangeRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        Write(StockRules.Validate(request), request, idempotencyKey, db, http, ct, () => new LedgerWrite(request.ItemId!.Value,
            [new Leg(request.LocationId!.Value, request.Quantity!.Value, MovementTypes.Receipt)],
            Caller.Id(http.User), Now(clock), Reference: Trim(request.Reference), Note: Trim(request.Note), IdempotencyKey: idempotencyKey));

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Issue(
        StockChangeRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        Write(StockRules.Validate(request), request, idempotencyKey, db, http, ct, () => new LedgerWrite(request.ItemId!.Value,
            [new Leg(request.LocationId!.Value, -request.Quantity!.Value, MovementTypes.Issue)],
            Caller.Id(http.User), Now(clock), Reference: Trim(request.Reference), Note: Trim(request.Note), IdempotencyKey: idempotencyKey));

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Adjust(
        AdjustmentRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        Write(StockRules.Validate(request), request, idempotencyKey, db, http, ct, () => new LedgerWrite(request.ItemId!.Value,
            [new Leg(request.LocationId!.Value, request.Quantity!.Value, MovementTypes.Adjustment)],
            Caller.Id(http.User), Now(clock), ReasonCode: request.ReasonCode!.Trim().ToLowerInvariant(),
            Reference: Trim(request.Reference), Note: Trim(request.Note), IdempotencyKey: idempotencyKey));

    public static Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Transfer(
        TransferRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        Write(StockRules.Validate(request), request, idempotencyKey, db, http, ct, () => new LedgerWrite(request.ItemId!.Value,
            [
                new Leg(request.FromLocationId!.Value, -request.Quantity!.Value, MovementTypes.TransferOut),
                new Leg(request.ToLocationId!.Value, request.Quantity!.Value, MovementTypes.TransferIn),
            ],
            Caller.Id(http.User), Now(clock), Reference: Trim(request.Reference), Note: Trim(request.Note), IdempotencyKey: idempotencyKey)
        {
            LocationFields = ["fromLocationId", "toLocationId"],
        });

    private static async Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> Write(
        Dictionary<string, string[]> errors, object request, string? idempotencyKey, CatalogDbContext db, HttpContext http,
        CancellationToken ct, Func<LedgerWrite> write)
    {
        if (IdempotencyRules.ValidateKey(idempotencyKey) is { } keyError)
            errors[IdempotencyRules.HeaderName] = [keyError];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var ledgerWrite = write();
        return await IdempotentWrite.RunAsync(db, http, idempotencyKey, request, r => $"/api/movements/{r.Movements[0].Id}",
            token => StockLedger.ApplyAsync(db, ledgerWrite, token), ct);
    }

    public static async Task<Results<Ok<MovementDto>, NotFound>> GetMovement(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var movement = await db.Movements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return movement is null ? TypedResults.NotFound() : TypedResults.Ok(MovementDto.From(movement));
    }

    public static async Task<Results<Ok<Page<MovementDto>>, ValidationProblem>> ListMovements(
        CatalogDbContext db, string? itemId = null, string? locationId = null, string? type = null, string? from = null, string? to = null,
        string? operationId = null, string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors);
        var item = QueryValues.Guid(errors, "itemId", itemId);
        var location = QueryValues.Guid(errors, "locationId", locationId);
        var operation = QueryValues.Guid(errors, "operationId", operationId);
        var movementType = string.IsNullOrWhiteSpace(type) ? null : QueryValues.OneOf(errors, "type", type, "", MovementTypes.All);
        var fromTime = QueryValues.Time(errors, "from", from);
        var toTime = QueryValues.Time(errors, "to", to);
        if (fromTime > toTime)
            errors["to"] = ["Must not be before 'from'."];
        (DateTimeOffset At, long Seq)? cursor = null;
        if (afterKey is not null)
        {
            if (Cursor.TryDecode(afterKey, "occurredAt:desc", 2, out var key)
                && DateTimeOffset.TryParse(key[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                && long.TryParse(key[1], CultureInfo.InvariantCulture, out var seq))
                cursor = (at, seq);
            else
                errors["after"] = Cursor.Invalid()["after"];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.Movements.AsNoTracking();
        if (item is not null)
            query = query.Where(m => m.ItemId == item);
        if (location is not null)
            query = query.Where(m => m.LocationId == location);
        if (operation is not null)
            query = query.Where(m => m.OperationId == operation);
        if (movementType is not null)
            query = query.Where(m => m.Type == movementType);
        if (fromTime is not null)
            query = query.Where(m => m.OccurredAt >= fromTime);
        if (toTime is not null)
            query = query.Where(m => m.OccurredAt < toTime);
        if (cursor is { } c)
            query = query.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.OccurredAt, m.Seq), ValueTuple.Create(c.At, c.Seq)));
        var rows = await query.OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Seq).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size
            ? Cursor.Encode("occurredAt:desc", rows[size - 1].OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                rows[size - 1].Seq.ToString(CultureInfo.InvariantCulture))
            : null;
        return TypedResults.Ok(new Page<MovementDto>(rows.Take(size).Select(MovementDto.From).ToList(), next));
    }

    /// <summary>Now, to the microsecond PostgreSQL stores, so the answer shows what a later read returns.</summary>
    internal static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % 10, TimeSpan.Zero);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
