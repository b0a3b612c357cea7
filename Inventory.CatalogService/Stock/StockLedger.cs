using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Stock;

/// <summary>One change at one location: a signed quantity and the movement type it is booked as.</summary>
public sealed record Leg(Guid LocationId, decimal Quantity, string Type);

/// <summary>Everything one ledger write needs: the item, its legs, and what the movements record.</summary>
public sealed record LedgerWrite(
    Guid ItemId,
    IReadOnlyList<Leg> Legs,
    string UserId,
    DateTimeOffset At,
    string? ReasonCode = null,
    string? Reference = null,
    string? Note = null,
    string? IdempotencyKey = null,
    Guid? CountSessionId = null,
    Guid? ReceiptLineId = null)
{
    public Guid OperationId { get; init; } = Guid.CreateVersion7();

    /// <summary>Field names for problems: a transfer's legs are its from/to locations.</summary>
    public string ItemField { get; init; } = "itemId";
    public IReadOnlyList<string>? LocationFields { get; init; }
}

/// <summary>
/// The only code that changes stock. Inside the caller's transaction, for one item:
/// <list type="number">
/// <item>lock the item row with its total update (every movement of an item serializes here, so legs of different
/// locations can never deadlock), refusing stock for an archived item;</item>
/// <item>per leg, read the location FOR SHARE (an archive waits for us, or we see it), then change the balance
/// with one guarded statement — <c>on_hand + delta &gt;= 0 OR allows_negative</c> — never read-modify-write;
/// a CHECK constraint stands behind it;</item>
/// <item>append the movement with the balance it produced.</item>
/// </list>
/// Any rejection returns a problem and the caller rolls the whole transaction back: nothing is half-written.
/// </summary>
public static class StockLedger
{
    public static async Task<Outcome<MovementResult>> ApplyAsync(CatalogDbContext db, LedgerWrite write, CancellationToken ct)
    {
        try
        {
            return await ApplyCheckedAsync(db, write, ct);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.NumericValueOutOfRange)
        {
            // A balance beyond numeric(18,4); the caller's transaction is rolled back.
            return Problems.Conflict("quantity", "The resulting quantity would exceed the largest quantity the catalog stores.");
        }
    }

    private static async Task<Outcome<MovementResult>> ApplyCheckedAsync(CatalogDbContext db, LedgerWrite write, CancellationToken ct)
    {
        var net = write.Legs.Sum(l => l.Quantity);
        var addsStock = write.Legs.Any(l => l.Quantity > 0);
        var item = await db.QuerySingleAsync(
            "UPDATE items SET on_hand = on_hand + $1 WHERE id = $2 AND NOT (is_archived AND $3) RETURNING sku, unit",
            r => new ItemRow(r.GetString(0), r.GetString(1)), ct, net, write.ItemId, addsStock);
        if (item is null)
        {
            var archived = await db.QueryAsync("SELECT is_archived FROM items WHERE id = $1", r => r.GetBoolean(0), ct, write.ItemId);
            return archived.Count == 0
                ? Problems.Unprocessable(write.ItemField, "No such item.")
                : Problems.Conflict(write.ItemField, "The item is archived: it takes no new stock.");
        }
        var badLeg = write.Legs.FirstOrDefault(l => !StockRules.FitsUnit(item.Unit, l.Quantity));
        if (badLeg is not null)
            return Problems.Invalid("quantity", $"'{item.Unit}' is not divisible: the quantity must be a whole number.");

        var movements = new List<MovementDto>(write.Legs.Count);
        for (var i = 0; i < write.Legs.Count; i++)
        {
            var leg = write.Legs[i];
            var field = write.LocationFields?[i] ?? "locationId";
            var location = await db.QuerySingleAsync(
                "SELECT code, allows_negative, is_archived FROM locations WHERE id = $1 FOR SHARE",
                r => new LocationRow(r.GetString(0), r.GetBoolean(1), r.GetBoolean(2)), ct, leg.LocationId);
            if (location is null)
                return Problems.Unprocessable(field, "No such location.");
            if (location.IsArchived && leg.Quantity > 0)
                return Problems.Conflict(field, $"Location {location.Code} is archived: it takes no new stock.");

            var balance = await ChangeBalanceAsync(db, write.ItemId, leg, location.AllowsNegative, write.At, ct);
            if (balance is null)
            {
                var available = (await db.QueryAsync("SELECT on_hand FROM stock_levels WHERE item_id = $1 AND location_id = $2",
                    r => r.GetDecimal(0), ct, write.ItemId, leg.LocationId)).FirstOrDefault();
                return Problems.Conflict("quantity",
                    $"Only {available:0.####} {item.Unit} of {item.Sku} available at {location.Code}; {-leg.Quantity:0.####} requested.",
                    new Dictionary<string, object?>
                    {
                        ["available"] = available, ["requested"] = -leg.Quantity, ["itemId"] = write.ItemId, ["locationId"] = leg.LocationId,
                    });
            }
            movements.Add(await AppendAsync(db, write, leg, balance.Value, ct));
        }
        return new MovementResult(write.OperationId, movements);
    }

    private static async Task<decimal?> ChangeBalanceAsync(CatalogDbContext db, Guid itemId, Leg leg, bool allowsNegative, DateTimeOffset at, CancellationToken ct)
    {
        // Taking stock out of a location that may not go negative: only an existing balance that covers it changes.
        // Otherwise insert-or-add in one statement (the first movement of an item at a location creates its balance).
        var sql = leg.Quantity < 0 && !allowsNegative
            ? """
              UPDATE stock_levels SET on_hand = on_hand + $3, updated_at = $5
              WHERE item_id = $1 AND location_id = $2 AND (on_hand + $3 >= 0 OR allows_negative)
              RETURNING on_hand
              """
            : """
              INSERT INTO stock_levels AS s (item_id, location_id, on_hand, allows_negative, updated_at)
              VALUES ($1, $2, $3, $4, $5)
              ON CONFLICT (item_id, location_id) DO UPDATE
                  SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
                  WHERE s.on_hand + EXCLUDED.on_hand >= 0 OR s.allows_negative
              RETURNING on_hand
              """;
        var rows = await db.QueryAsync(sql, r => r.GetDecimal(0), ct, itemId, leg.LocationId, leg.Quantity, allowsNegative, at);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<MovementDto> AppendAsync(CatalogDbContext db, LedgerWrite write, Leg leg, decimal balance, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var seq = (await db.QueryAsync("""
            INSERT INTO movements (id, item_id, location_id, quantity, balance_after, type, reason_code, reference, note, user_id,
                                   occurred_at, idempotency_key, operation_id, count_session_id, receipt_line_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            RETURNING seq
            """, r => r.GetInt64(0), ct, id, write.ItemId, leg.LocationId, leg.Quantity, balance, leg.Type, write.ReasonCode,
            write.Reference, write.Note, write.UserId, write.At, write.IdempotencyKey, write.OperationId, write.CountSessionId,
            write.ReceiptLineId))[0];
        return new MovementDto(id, seq, write.ItemId, leg.LocationId, leg.Quantity, balance, leg.Type, write.ReasonCode,
            write.Reference, write.Note, write.UserId, write.At, write.OperationId, write.CountSessionId, write.ReceiptLineId);
    }

    private sealed record ItemRow(string Sku, string Unit);

    private sealed record LocationRow(string Code, bool AllowsNegative, bool IsArchived);
}
