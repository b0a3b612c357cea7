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
/// <item>per leg, in one statement: read the location FOR SHARE (an archive waits for us, or we see it), change the
/// balance with one guard — <c>on_hand + delta &gt;= 0 OR allows_negative</c> — never read-modify-write (a CHECK
/// constraint stands behind it), and append the movement with the balance it produced.</item>
/// </list>
/// So a single-location movement is two statements and the commit (issue 14: round trips are what the write costs).
/// Any rejection returns a problem and the caller rolls the whole transaction back: nothing is half-written.
/// The statements whose exact shape is the point are SQL, read into named records by the kit's <see cref="SqlRows"/>.
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
        var item = await db.SqlRowAsync<ItemRow>($"""
            WITH item AS (SELECT id, sku, unit, is_archived FROM items WHERE id = {write.ItemId} FOR SHARE),
                 total AS (
                     UPDATE item_stock_totals t SET on_hand = t.on_hand + {net} FROM item WHERE t.item_id = item.id
                     RETURNING clock_timestamp() AS locked_at)
            SELECT item.sku, item.unit, item.is_archived, total.locked_at FROM item, total
            """, ct);
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
            var id = Guid.CreateVersion7();
            var booked = await BookLegAsync(db, write, leg, id, takeOut: leg.Quantity < 0, item.LockedAt, ct);
            // Taking stock out where no balance exists yet changes nothing; a location that allows negative stock then
            // gets its first (negative) balance by the insert-or-add form (a rare second statement).
            if (booked is { Seq: null, AllowsNegative: true } && leg.Quantity < 0)
                booked = await BookLegAsync(db, write, leg, id, takeOut: false, item.LockedAt, ct);
            if (booked is null)
                return Problems.Unprocessable(field, "No such location.");
            if (booked.IsArchived && leg.Quantity > 0)
                return Problems.Conflict(field, $"Location {booked.Code} is archived: it takes no new stock.");
            if (booked.Seq is not { } seq)
                return await NotEnoughAsync(db, write, leg, item, booked.Code, ct);
            movements.Add(new MovementDto(id, seq, write.ItemId, leg.LocationId, leg.Quantity, booked.BalanceAfter!.Value, leg.Type, write.ReasonCode,
                write.Reference, write.Note, write.UserId, item.LockedAt, write.OperationId, write.CountSessionId, write.ReceiptLineId,
                write.Channel, write.ActedAt));
        }
        return new MovementResult(write.OperationId, movements);
    }

    /// <summary>
    /// One leg in one statement (one round trip, issue 14): the location FOR SHARE (a concurrent archive waits for us, or
    /// we see it), the guarded balance change, and the movement with the balance it produced — appended only when the
    /// balance changed. The row comes back whatever happened, so the caller can say why nothing was booked; null when
    /// there is no such location. New stock at an archived location changes nothing (the caller refuses it).
    /// <para>It is a statement of its own, after the item's total is locked, not part of that one: its snapshot must be
    /// taken once the item's previous writer has committed, or a balance row that writer created would be invisible to
    /// the guarded UPDATE (a false "not enough").</para>
    /// </summary>
    private static async Task<BookedRow?> BookLegAsync(CatalogDbContext db, LedgerWrite write, Leg leg, Guid id, bool takeOut,
        DateTimeOffset at, CancellationToken ct)
    {
        // Taking stock out: only an existing balance that covers it (or may go negative) changes. Otherwise insert-or-add
        // (the first movement of an item at a location creates its balance), with the same guard. One text for both forms
        // (one prepared statement); the form not chosen is a one-time filter that is false.
        var adds = leg.Quantity > 0;
        return await db.SqlRowAsync<BookedRow>($"""
            WITH location AS (SELECT id, code, allows_negative, is_archived FROM locations WHERE id = {leg.LocationId} FOR SHARE),
                 taken AS (
                     UPDATE stock_levels s SET on_hand = s.on_hand + {leg.Quantity}, updated_at = {at} FROM location
                     WHERE {takeOut} AND s.item_id = {write.ItemId} AND s.location_id = location.id
                       AND (s.on_hand + {leg.Quantity} >= 0 OR s.allows_negative)
                     RETURNING s.on_hand),
                 added AS (
                     INSERT INTO stock_levels AS s (item_id, location_id, on_hand, allows_negative, updated_at)
                     SELECT {write.ItemId}, location.id, {leg.Quantity}, location.allows_negative, {at} FROM location
                     WHERE NOT {takeOut} AND NOT (location.is_archived AND {adds})
                     ON CONFLICT (item_id, location_id) DO UPDATE
                         SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
                         WHERE s.on_hand + EXCLUDED.on_hand >= 0 OR s.allows_negative
                     RETURNING s.on_hand),
                 appended AS (
                     INSERT INTO movements (id, item_id, location_id, quantity, balance_after, type, reason_code, reference, note, user_id,
                                            channel, acted_at, occurred_at, idempotency_key, operation_id, count_session_id, receipt_line_id)
                     SELECT {id}, {write.ItemId}, {leg.LocationId}, {leg.Quantity}, balance.on_hand, {leg.Type}, {write.ReasonCode}::text,
                            {write.Reference}::text, {write.Note}::text, {write.UserId}, {write.Channel}::text, {write.ActedAt}::timestamptz,
                            {at}, {write.IdempotencyKey}::text, {write.OperationId}, {write.CountSessionId}::uuid, {write.ReceiptLineId}::uuid
                     FROM (SELECT on_hand FROM taken UNION ALL SELECT on_hand FROM added) balance
                     RETURNING seq, balance_after)
            SELECT location.code, location.allows_negative, location.is_archived, appended.seq, appended.balance_after
            FROM location LEFT JOIN appended ON true
            """, ct);
    }

    private static async Task<Outcome<MovementResult>> NotEnoughAsync(CatalogDbContext db, LedgerWrite write, Leg leg, ItemRow item,
        string locationCode, CancellationToken ct)
    {
        // Read in a statement of its own: the refused statement's snapshot may predate the previous writer's commit.
        var available = await db.StockLevels.Where(s => s.ItemId == write.ItemId && s.LocationId == leg.LocationId)
            .Select(s => s.OnHand).FirstOrDefaultAsync(ct);
        return Problems.Conflict("quantity",
            $"Only {available:0.####} {item.Unit} of {item.Sku} available at {locationCode}; {-leg.Quantity:0.####} requested.",
            new Dictionary<string, object?>
            {
                ["available"] = available, ["requested"] = -leg.Quantity, ["itemId"] = write.ItemId, ["locationId"] = leg.LocationId,
            });
    }

    private sealed record ItemRow(string Sku, string Unit, bool IsArchived, DateTimeOffset LockedAt);

    /// <summary>The leg's location and, when the balance changed, the appended movement's seq and balance.</summary>
    private sealed record BookedRow(string Code, bool AllowsNegative, bool IsArchived, long? Seq, decimal? BalanceAfter);
}
