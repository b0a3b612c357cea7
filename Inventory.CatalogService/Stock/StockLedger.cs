using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static Inventory.CatalogService.Data.StockBookingSql;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The only code that changes stock: one call of the database's <c>stock_book</c> (<see cref="StockBookingSql"/>) per
/// write — lock the item's stock total, change each leg's balance with one guard, append each movement with the balance
/// it produced, update the total — one statement, one round trip (issue 14: round trips under the item's lock are what
/// a hot item's writers queue on). The call changes nothing when it refuses, so a caller with no other work runs it as
/// a statement of its own (<c>singleStatement</c> in the kit's <see cref="ValidatedWrite"/>); inside a caller's
/// transaction a refusal returns a problem and the caller rolls the whole transaction back: nothing is half-written.
/// </summary>
public static class StockLedger
{
    public static async Task<Outcome<MovementResult>> ApplyAsync(CatalogDbContext db, LedgerWrite write, CancellationToken ct)
    {
        try
        {
            return await BookAsync(db, write, ct);
        }
        catch (Exception ex) when (ex.FindPostgresError()?.SqlState == PostgresErrorCodes.NumericValueOutOfRange)
        {
            // A balance beyond numeric(18,4); the statement (and the caller's transaction) is undone.
            return Problems.Conflict("quantity", "The resulting quantity would exceed the largest quantity the catalog stores.");
        }
        catch (Exception ex) when (ex.FindPostgresError()?.SqlState == LateRefusalState)
        {
            // A leg refused after an earlier one changed stock (no write the services make has that shape); undone.
            return Problems.Conflict("quantity", "Not enough stock for every leg of this movement; nothing was booked.");
        }
    }

    private static async Task<Outcome<MovementResult>> BookAsync(CatalogDbContext db, LedgerWrite write, CancellationToken ct)
    {
        // The one taking-out leg first: its refusal, the only one the balance guard can make, then comes before any change.
        var order = Enumerable.Range(0, write.Legs.Count).OrderBy(i => write.Legs[i].Quantity > 0).ToArray();
        var legs = order.Select(i => write.Legs[i]).ToArray();
        var ids = legs.Select(_ => Guid.CreateVersion7()).ToArray();
        var fractional = legs.All(l => StockRules.IsWhole(l.Quantity)) ? null : ItemRules.DivisibleUnits;
        // Short, without casts (the function's one signature types every value, nulls too): the text is on every database span.
        var rows = await db.SqlRowsAsync<BookedRow>($"""
            SELECT * FROM stock_book({write.ItemId}, {legs.Select(l => l.LocationId).ToArray()}, {legs.Select(l => l.Quantity).ToArray()},
            {legs.Select(l => l.Type).ToArray()}, {ids}, {fractional}, {write.ReasonCode}, {write.Reference}, {write.Note}, {write.UserId},
            {write.Channel}, {write.ActedAt}, {write.IdempotencyKey}, {write.OperationId}, {write.CountSessionId}, {write.ReceiptLineId})
            """, ct);
        if (rows is [{ Refusal: { } refusal } row])
            return Refused(write, refusal, row, row.Leg is { } leg ? order[leg - 1] : null);

        var movements = rows.OrderBy(r => order[r.Leg!.Value - 1]).Select(r =>
        {
            var index = order[r.Leg!.Value - 1];
            var leg = write.Legs[index];
            return new MovementDto(ids[r.Leg.Value - 1], r.Seq!.Value, write.ItemId, leg.LocationId, leg.Quantity, r.BalanceAfter!.Value,
                leg.Type, write.ReasonCode, write.Reference, write.Note, write.UserId, r.OccurredAt!.Value, write.OperationId,
                write.CountSessionId, write.ReceiptLineId, write.Channel, write.ActedAt);
        }).ToList();
        return new MovementResult(write.OperationId, movements);
    }

    /// <summary>The problem for a refusal; <paramref name="index"/> is the refused leg's place in the write.</summary>
    private static Outcome<MovementResult> Refused(LedgerWrite write, string refusal, BookedRow row, int? index)
    {
        var field = index is { } i ? write.LocationFields?[i] ?? "locationId" : write.ItemField;
        return refusal switch
        {
            Refusals.NoItem => Problems.Unprocessable(write.ItemField, "No such item."),
            Refusals.ItemArchived => Problems.Conflict(write.ItemField, "The item is archived: it takes no new stock."),
            Refusals.WholeUnits => Problems.Invalid("quantity", $"'{row.Unit}' is not divisible: the quantity must be a whole number."),
            Refusals.NoLocation => Problems.Unprocessable(field, "No such location."),
            Refusals.LocationArchived => Problems.Conflict(field, $"Location {row.LocationCode} is archived: it takes no new stock."),
            Refusals.NotEnough => NotEnough(write, write.Legs[index!.Value], row),
            _ => throw new InvalidOperationException($"stock_book refused with '{refusal}', which the ledger does not know."),
        };
    }

    private static ProblemHttpResult NotEnough(LedgerWrite write, Leg leg, BookedRow row) =>
        Problems.Conflict("quantity",
            $"Only {row.Available:0.####} {row.Unit} of {row.Sku} available at {row.LocationCode}; {-leg.Quantity:0.####} requested.",
            new Dictionary<string, object?>
            {
                ["available"] = row.Available, ["requested"] = -leg.Quantity, ["itemId"] = write.ItemId, ["locationId"] = leg.LocationId,
            });

    /// <summary>A row of <c>stock_book</c>: a booked leg (1-based, in the order passed), or the refusal.</summary>
    private sealed record BookedRow(string? Refusal, int? Leg, string? Sku, string? Unit, string? LocationCode, decimal? Available,
        long? Seq, decimal? BalanceAfter, DateTimeOffset? OccurredAt);
}
