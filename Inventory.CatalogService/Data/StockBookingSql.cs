namespace Inventory.CatalogService.Data;

/// <summary>
/// The ledger's booking of one movement as one server-side call (issue 14: a movement was three round trips under its
/// item's lock — the item statement, the leg statement, the commit — and the hot item's writers queued on them).
/// <c>stock_book</c> does what <see cref="Stock.StockLedger"/> did in its statements, in the same order and with the
/// same locks, and <b>changes nothing when it refuses</b>: every check that can refuse runs before the first change, so
/// a caller without other work in its transaction can run it as a statement of its own (autocommit), and the item's
/// lock is held for that one statement alone.
/// <list type="number">
/// <item>The item FOR SHARE (an archive or edit waits for us, or we see it): no such item, new stock for an archived
/// item, or a fraction of an indivisible unit refuse here.</item>
/// <item>The item's stock total locked as its update locks it (FOR NO KEY UPDATE): every movement of an item serializes here, so legs of different locations
/// never deadlock. The database clock is read only then (the previous writer of the item has committed, so the
/// item's movements in time order are in commit order). Each statement of a volatile function takes a fresh snapshot,
/// so what follows sees that writer's balances.</item>
/// <item>Every leg's location FOR SHARE (a concurrent archive waits for us, or we see it): no such location, or new
/// stock at an archived one, refuse here.</item>
/// <item>Per leg, the guarded balance change (<c>on_hand + delta &gt;= 0 OR allows_negative</c>, never
/// read-modify-write; a CHECK stands behind it) and the movement with the balance it produced. Taking out more than a
/// balance holds refuses with what is available. The ledger passes the one taking-out leg first, so this refusal too
/// comes before any change; an add cannot be refused by the guard (the CHECK keeps a negative balance only where it is
/// allowed). Should a later leg still be refused, the call raises <see cref="LateRefusalState"/> and the whole
/// statement (and its transaction) is undone.</item>
/// <item>The item's total changes by the legs' sum.</item>
/// </list>
/// One row per booked leg; a refusal is one row with <c>refusal</c> set (<see cref="Refusals"/>).
/// </summary>
public static class StockBookingSql
{
    /// <summary>The SQLSTATE of a refusal after an earlier leg changed stock (the statement is undone).</summary>
    public const string LateRefusalState = "IN409";

    /// <summary>What <c>stock_book</c> returns in <c>refusal</c>.</summary>
    public static class Refusals
    {
        public const string NoItem = "no_item";
        public const string ItemArchived = "item_archived";
        public const string WholeUnits = "whole_units";
        public const string NoLocation = "no_location";
        public const string LocationArchived = "location_archived";
        public const string NotEnough = "not_enough";
    }

    public const string Create = $$"""
        CREATE OR REPLACE FUNCTION stock_book(
            p_item uuid, p_locations uuid[], p_quantities numeric[], p_types text[], p_ids uuid[],
            p_fractional_units text[], -- the units that take fractions, when a quantity has one; NULL when all are whole
            p_reason_code text, p_reference text, p_note text, p_user_id text, p_channel text, p_acted_at timestamptz,
            p_idempotency_key text, p_operation_id uuid, p_count_session_id uuid, p_receipt_line_id uuid)
        RETURNS TABLE (refusal text, leg int, sku text, unit text, location_code text, available numeric,
                       seq bigint, balance_after numeric, occurred_at timestamptz)
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            v_item record;
            v_location record;
            v_codes text[] := '{}';
            v_negative boolean[] := '{}';
            v_balance numeric;
            v_changed boolean := false;
            i int;
        BEGIN
            SELECT it.sku, it.unit, it.is_archived INTO v_item FROM items it WHERE it.id = p_item FOR SHARE;
            IF NOT FOUND THEN
                refusal := '{{Refusals.NoItem}}'; RETURN NEXT; RETURN;
            END IF;
            sku := v_item.sku; unit := v_item.unit;
            IF v_item.is_archived AND 0 < ANY (p_quantities) THEN
                refusal := '{{Refusals.ItemArchived}}'; RETURN NEXT; RETURN;
            END IF;
            IF p_fractional_units IS NOT NULL AND NOT (v_item.unit = ANY (p_fractional_units)) THEN
                refusal := '{{Refusals.WholeUnits}}'; RETURN NEXT; RETURN;
            END IF;

            PERFORM FROM item_stock_totals t WHERE t.item_id = p_item FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                refusal := '{{Refusals.NoItem}}'; RETURN NEXT; RETURN;
            END IF;
            occurred_at := clock_timestamp();

            FOR i IN 1 .. cardinality(p_locations) LOOP
                SELECT l.code, l.allows_negative, l.is_archived INTO v_location FROM locations l WHERE l.id = p_locations[i] FOR SHARE;
                leg := i;
                IF NOT FOUND THEN
                    refusal := '{{Refusals.NoLocation}}'; RETURN NEXT; RETURN;
                END IF;
                location_code := v_location.code;
                IF v_location.is_archived AND p_quantities[i] > 0 THEN
                    refusal := '{{Refusals.LocationArchived}}'; RETURN NEXT; RETURN;
                END IF;
                v_codes := v_codes || v_location.code;
                v_negative := v_negative || v_location.allows_negative;
            END LOOP;

            FOR i IN 1 .. cardinality(p_locations) LOOP
                v_balance := NULL;
                -- Taking stock out: only an existing balance that covers it (or may go negative) changes.
                IF p_quantities[i] < 0 THEN
                    UPDATE stock_levels s SET on_hand = s.on_hand + p_quantities[i], updated_at = occurred_at
                    WHERE s.item_id = p_item AND s.location_id = p_locations[i] AND (s.on_hand + p_quantities[i] >= 0 OR s.allows_negative)
                    RETURNING s.on_hand INTO v_balance;
                END IF;
                -- Adding stock, or the first (negative) balance where negative stock is allowed: insert-or-add, same guard.
                IF v_balance IS NULL AND (p_quantities[i] > 0 OR v_negative[i]) THEN
                    INSERT INTO stock_levels AS s (item_id, location_id, on_hand, allows_negative, updated_at)
                    VALUES (p_item, p_locations[i], p_quantities[i], v_negative[i], occurred_at)
                    ON CONFLICT (item_id, location_id) DO UPDATE
                        SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
                        WHERE s.on_hand + EXCLUDED.on_hand >= 0 OR s.allows_negative
                    RETURNING s.on_hand INTO v_balance;
                END IF;
                leg := i; location_code := v_codes[i];
                IF v_balance IS NULL THEN
                    IF v_changed THEN
                        RAISE EXCEPTION 'stock_book: leg % at % refused after an earlier leg changed stock', i, v_codes[i]
                            USING ERRCODE = '{{LateRefusalState}}';
                    END IF;
                    SELECT s.on_hand INTO available FROM stock_levels s WHERE s.item_id = p_item AND s.location_id = p_locations[i];
                    available := coalesce(available, 0);
                    refusal := '{{Refusals.NotEnough}}'; RETURN NEXT; RETURN;
                END IF;
                v_changed := true;
                INSERT INTO movements (id, item_id, location_id, quantity, balance_after, type, reason_code, reference, note, user_id,
                                       channel, acted_at, occurred_at, idempotency_key, operation_id, count_session_id, receipt_line_id)
                VALUES (p_ids[i], p_item, p_locations[i], p_quantities[i], v_balance, p_types[i], p_reason_code, p_reference, p_note,
                        p_user_id, p_channel, p_acted_at, occurred_at, p_idempotency_key, p_operation_id, p_count_session_id,
                        p_receipt_line_id)
                RETURNING movements.seq INTO seq;
                balance_after := v_balance;
                RETURN NEXT;
            END LOOP;

            UPDATE item_stock_totals t SET on_hand = t.on_hand + (SELECT sum(q) FROM unnest(p_quantities) q) WHERE t.item_id = p_item;
        END $$;
        """;

    public const string Drop = """
        DROP FUNCTION IF EXISTS stock_book(uuid, uuid[], numeric[], text[], uuid[], text[], text, text, text, text, text, timestamptz,
                                           text, uuid, uuid, uuid);
        """;
}
