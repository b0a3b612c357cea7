using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The only code that changes stock. Inside the caller's transaction, for one item:
/// <list type="number">
/// <item>lock the item's stock total with its update (every movement of an item serializes here, so legs of different
/// locations can never deadlock), refusing stock for an archived item, and read the database clock only then: the
/// previous writer of the item has committed, so the item's movements in time order are in commit order, and each
/// balance follows the one before;</item>
/// <item>per leg, read the location FOR SHARE (an archive waits for us, or we see it), then change the balance
/// with one guarded statement — <c>on_hand + delta &gt;= 0 OR allows_negative</c> — never read-modify-write;
/// a CHECK constraint stands behind it;</item>
/// <item>append each movement with the balance it produced.</item>
/// </list>
/// Any rejection returns a problem and the caller rolls the whole transaction back: nothing is half-written.
/// The statements whose exact shape is the point are SQL, read into named records (columns by their snake_case names).
/// </summary>
public static class StockLedger
{
    public static async Task<Outcome<MovementResult>> ApplyAsync(CatalogDbContext db, LedgerWrite write, CancellationToken ct)
    {
        try
        {
            return await ApplyCheckedAsync(db, write, ct);
        }
        catch (Exception ex) when (ex.FindPostgresError()?.SqlState == PostgresErrorCodes.NumericValueOutOfRange)
        {
            // A balance beyond numeric(18,4); the caller's transaction is rolled back.
            return Problems.Conflict("quantity", "The resulting quantity would exceed the largest quantity the catalog stores.");
        }
    }

    private static async Task<Outcome<MovementResult>> ApplyCheckedAsync(CatalogDbContext db, LedgerWrite write, CancellationToken ct)
    {
        var net = write.Legs.Sum(l => l.Quantity);
        var addsStock = write.Legs.Any(l => l.Quantity > 0);
        // The item row is read FOR SHARE (an archive or edit waits for this movement, or this movement sees it), then the
        // item's stock total is updated: that row lock serializes the item's movements. Everything that locks both takes
        // the item row first (an edit's SaveChanges, a count's post), so they cannot deadlock; and the item row, with its
        // wide indexes, is never rewritten by a movement.
        var item = (await db.Database.SqlQuery<ItemRow>($"""
            WITH item AS (SELECT id, sku, unit, is_archived FROM items WHERE id = {write.ItemId} FOR SHARE),
                 total AS (
                     UPDATE item_stock_totals t SET on_hand = t.on_hand + {net} FROM item WHERE t.item_id = item.id
                     RETURNING clock_timestamp() AS locked_at)
            SELECT item.sku, item.unit, item.is_archived, total.locked_at FROM item, total
            """).ToListAsync(ct)).SingleOrDefault();
        if (item is null)
            return Problems.Unprocessable(write.ItemField, "No such item.");
        if (item.IsArchived && addsStock)
            return Problems.Conflict(write.ItemField, "The item is archived: it takes no new stock.");
        if (write.Legs.Any(l => !StockRules.FitsUnit(item.Unit, l.Quantity)))
            return Problems.Invalid("quantity", $"'{item.Unit}' is not divisible: the quantity must be a whole number.");

        var movements = new List<MovementDto>(write.Legs.Count);
        for (var i = 0; i < write.Legs.Count; i++)
        {
            var leg = write.Legs[i];
            var field = write.LocationFields?[i] ?? "locationId";
            var location = (await db.Database.SqlQuery<LocationRow>(
                $"SELECT code, allows_negative, is_archived FROM locations WHERE id = {leg.LocationId} FOR SHARE").ToListAsync(ct)).SingleOrDefault();
            if (location is null)
                return Problems.Unprocessable(field, "No such location.");
            if (location.IsArchived && leg.Quantity > 0)
                return Problems.Conflict(field, $"Location {location.Code} is archived: it takes no new stock.");

            var balance = await ChangeBalanceAsync(db, write, leg, location.AllowsNegative, item.LockedAt, ct);
            if (balance is null)
                return await NotEnoughAsync(db, write, leg, item, location, ct);
            movements.Add(await AppendAsync(db, write, leg, balance.Value, item.LockedAt, ct));
        }
        return new MovementResult(write.OperationId, movements);
    }

    /// <summary>The balance after the change, or null when the location has not enough stock (and may not go negative).</summary>
    private static async Task<decimal?> ChangeBalanceAsync(CatalogDbContext db, LedgerWrite write, Leg leg, bool allowsNegative,
        DateTimeOffset at, CancellationToken ct)
    {
        // Taking stock out of a location that may not go negative: only an existing balance that covers it changes.
        // Otherwise insert-or-add in one statement (the first movement of an item at a location creates its balance).
        var change = leg.Quantity < 0 && !allowsNegative
            ? db.Database.SqlQuery<BalanceRow>($"""
                UPDATE stock_levels SET on_hand = on_hand + {leg.Quantity}, updated_at = {at}
                WHERE item_id = {write.ItemId} AND location_id = {leg.LocationId} AND (on_hand + {leg.Quantity} >= 0 OR allows_negative)
                RETURNING on_hand
                """)
            : db.Database.SqlQuery<BalanceRow>($"""
                INSERT INTO stock_levels AS s (item_id, location_id, on_hand, allows_negative, updated_at)
                VALUES ({write.ItemId}, {leg.LocationId}, {leg.Quantity}, {allowsNegative}, {at})
                ON CONFLICT (item_id, location_id) DO UPDATE
                    SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
                    WHERE s.on_hand + EXCLUDED.on_hand >= 0 OR s.allows_negative
                RETURNING on_hand
                """);
        return (await change.ToListAsync(ct)).SingleOrDefault()?.OnHand;
    }

    private static async Task<Outcome<MovementResult>> NotEnoughAsync(CatalogDbContext db, LedgerWrite write, Leg leg, ItemRow item,
        LocationRow location, CancellationToken ct)
    {
        var available = await db.StockLevels.Where(s => s.ItemId == write.ItemId && s.LocationId == leg.LocationId)
            .Select(s => s.OnHand).FirstOrDefaultAsync(ct);
        return Problems.Conflict("quantity",
            $"Only {available:0.####} {item.Unit} of {item.Sku} available at {location.Code}; {-leg.Quantity:0.####} requested.",
            new Dictionary<string, object?>
            {
                ["available"] = available, ["requested"] = -leg.Quantity, ["itemId"] = write.ItemId, ["locationId"] = leg.LocationId,
            });
    }

    /// <summary>Appends the leg's movement; legs are appended in order, so a transfer's out-leg has the lower seq.</summary>
    private static async Task<MovementDto> AppendAsync(CatalogDbContext db, LedgerWrite write, Leg leg, decimal balance, DateTimeOffset at,
        CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var appended = (await db.Database.SqlQuery<SeqRow>($"""
            INSERT INTO movements (id, item_id, location_id, quantity, balance_after, type, reason_code, reference, note, user_id,
                                   channel, acted_at, occurred_at, idempotency_key, operation_id, count_session_id, receipt_line_id)
            VALUES ({id}, {write.ItemId}, {leg.LocationId}, {leg.Quantity}, {balance}, {leg.Type}, {write.ReasonCode}, {write.Reference},
                    {write.Note}, {write.UserId}, {write.Channel}, {write.ActedAt}, {at}, {write.IdempotencyKey}, {write.OperationId},
                    {write.CountSessionId}, {write.ReceiptLineId})
            RETURNING seq
            """).ToListAsync(ct)).Single();
        return new MovementDto(id, appended.Seq, write.ItemId, leg.LocationId, leg.Quantity, balance, leg.Type, write.ReasonCode,
            write.Reference, write.Note, write.UserId, at, write.OperationId, write.CountSessionId, write.ReceiptLineId, write.Channel,
            write.ActedAt);
    }

    private sealed record ItemRow(string Sku, string Unit, bool IsArchived, DateTimeOffset LockedAt);

    private sealed record LocationRow(string Code, bool AllowsNegative, bool IsArchived);

    private sealed record BalanceRow(decimal OnHand);

    private sealed record SeqRow(long Seq);
}
