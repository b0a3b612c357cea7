namespace Inventory.CatalogService.Data;

/// <summary>
/// The dashboard's rollups (issue 14): tables kept right by triggers in the same transaction as each change, so the
/// dashboard reads a few dozen rows instead of aggregating 100k items and the ledger's last 30 days. Triggers, not
/// application code: they cost no extra round trip on the movement path, and no path that writes movements or totals
/// (the ledger, a count post, a receipt, the CSV import, a test's SQL) can skip them. The bulk generator disables the
/// rollup triggers for its COPY and runs <see cref="Backfill"/> after it, as the migration does.
/// <list type="bullet">
/// <item><c>movement_day_totals</c> (day, shard): movements per UTC day and their value. Written at COMMIT by a
/// deferred trigger, into one shard chosen by the transaction id (not the item): a transaction's rows all go to one
/// shard, so two transactions can only meet at rows of the same days, which each updates in day order (occurred_at
/// grows within a transaction), never in a cycle; and they wait for each other only while one commits, holding no
/// other lock anyone needs. 64 shards: 16 writers rarely share one. A movement is valued at its item's unit cost when
/// booked (the item row is locked FOR SHARE by the movement, so it cannot change under it); a unit cost change books
/// the revaluation of the stock on hand (on_hand × (new − old)) on the day of the change, so walking back from
/// today's value gives each past day's value at that day's costs. History backfilled from the ledger is priced at the
/// unit costs of the migration's day (the ledger keeps quantities, not costs).</item>
/// <item><c>item_movement_days</c> (day, item): movements and units per item and day, for the top movers. Written by
/// the movement's own trigger; the movement holds its item's stock-total lock, so no two writers ever want the same
/// row (no waits, no deadlock).</item>
/// <item><c>stock_value_changes</c>: an append-only log of changes to items / low / value per category (from a total's
/// or an item's change); inserts only, so no hot row and no lock order. A background service folds it into
/// <c>category_stock_totals</c> every few seconds (Stock/DashboardFold) and the dashboard folds a batch of what is
/// left when it reads (<see cref="FoldAndReadCategories"/>), one folder at a time.</item>
/// </list>
/// </summary>
public static class DashboardRollupSql
{
    public const int Shards = 64;

    /// <summary>The key of items without a category in category_stock_totals (a primary key column cannot be null).</summary>
    public const string NoCategory = "00000000-0000-0000-0000-000000000000";

    public const string CreateTables = """
        CREATE TABLE movement_day_totals (
            day date NOT NULL, shard smallint NOT NULL,
            movements bigint NOT NULL, value_change numeric NOT NULL,
            CONSTRAINT pk_movement_day_totals PRIMARY KEY (day, shard));
        CREATE TABLE item_movement_days (
            day date NOT NULL, item_id uuid NOT NULL,
            movements integer NOT NULL, units numeric NOT NULL,
            CONSTRAINT pk_item_movement_days PRIMARY KEY (day, item_id)) WITH (fillfactor = 80);
        CREATE TABLE stock_value_changes (
            category_id uuid, items integer NOT NULL, low integer NOT NULL, value numeric NOT NULL);
        CREATE TABLE category_stock_totals (
            category_key uuid NOT NULL, items bigint NOT NULL, low bigint NOT NULL, value numeric NOT NULL,
            CONSTRAINT pk_category_stock_totals PRIMARY KEY (category_key));
        """;

    public const string CreateTriggers = """
        CREATE FUNCTION movement_item_day() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO item_movement_days AS r (day, item_id, movements, units)
            VALUES ((NEW.occurred_at AT TIME ZONE 'UTC')::date, NEW.item_id, 1, abs(NEW.quantity))
            ON CONFLICT (day, item_id) DO UPDATE SET movements = r.movements + 1, units = r.units + EXCLUDED.units;
            RETURN NULL;
        END $$;
        CREATE TRIGGER movements_item_days AFTER INSERT ON movements
            FOR EACH ROW EXECUTE FUNCTION movement_item_day();

        CREATE FUNCTION movement_day_total() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO movement_day_totals AS r (day, shard, movements, value_change)
            SELECT (NEW.occurred_at AT TIME ZONE 'UTC')::date, (pg_current_xact_id()::text::bigint % 64)::smallint, 1,
                   NEW.quantity * i.unit_cost
            FROM items i WHERE i.id = NEW.item_id
            ON CONFLICT (day, shard) DO UPDATE
                SET movements = r.movements + 1, value_change = r.value_change + EXCLUDED.value_change;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER movements_day_totals AFTER INSERT ON movements
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION movement_day_total();

        CREATE FUNCTION item_revaluation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO movement_day_totals AS r (day, shard, movements, value_change)
            SELECT (clock_timestamp() AT TIME ZONE 'UTC')::date, (pg_current_xact_id()::text::bigint % 64)::smallint, 0,
                   t.on_hand * (NEW.unit_cost - OLD.unit_cost)
            FROM item_stock_totals t WHERE t.item_id = NEW.id AND t.on_hand <> 0
            ON CONFLICT (day, shard) DO UPDATE SET value_change = r.value_change + EXCLUDED.value_change;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER items_revaluation AFTER UPDATE OF unit_cost ON items
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            WHEN (OLD.unit_cost IS DISTINCT FROM NEW.unit_cost) EXECUTE FUNCTION item_revaluation();

        -- A total's change: what it adds to its category's item count, low count and value (the telescoping works
        -- whichever of items / item_stock_totals an edit updates first: each trigger reads the other's current row).
        CREATE FUNCTION stock_total_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO stock_value_changes (category_id, items, low, value)
            SELECT * FROM (
                SELECT i.category_id,
                       CASE WHEN TG_OP = 'INSERT' AND NOT i.is_archived THEN 1 ELSE 0 END AS items,
                       (CASE WHEN NEW.on_hand <= NEW.reorder_point AND NOT i.is_archived THEN 1 ELSE 0 END)
                         - (CASE WHEN TG_OP = 'UPDATE' AND OLD.on_hand <= OLD.reorder_point AND NOT i.is_archived THEN 1 ELSE 0 END) AS low,
                       (NEW.on_hand - CASE WHEN TG_OP = 'UPDATE' THEN OLD.on_hand ELSE 0 END) * i.unit_cost AS value
                FROM items i WHERE i.id = NEW.item_id) c
            WHERE c.items <> 0 OR c.low <> 0 OR c.value <> 0;
            RETURN NULL;
        END $$;
        CREATE TRIGGER item_stock_totals_value AFTER INSERT OR UPDATE OF on_hand, reorder_point ON item_stock_totals
            FOR EACH ROW EXECUTE FUNCTION stock_total_change();

        -- An item's cost, category or archive change: its old contribution out, its new one in.
        CREATE FUNCTION item_value_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO stock_value_changes (category_id, items, low, value)
            SELECT OLD.category_id, -(NOT OLD.is_archived)::int, -(t.on_hand <= t.reorder_point AND NOT OLD.is_archived)::int,
                   -(t.on_hand * OLD.unit_cost)
            FROM item_stock_totals t WHERE t.item_id = OLD.id
            UNION ALL
            SELECT NEW.category_id, (NOT NEW.is_archived)::int, (t.on_hand <= t.reorder_point AND NOT NEW.is_archived)::int,
                   t.on_hand * NEW.unit_cost
            FROM item_stock_totals t WHERE t.item_id = NEW.id;
            RETURN NULL;
        END $$;
        CREATE TRIGGER items_value AFTER UPDATE OF unit_cost, category_id, is_archived ON items
            FOR EACH ROW WHEN (OLD.unit_cost IS DISTINCT FROM NEW.unit_cost OR OLD.category_id IS DISTINCT FROM NEW.category_id
                               OR OLD.is_archived IS DISTINCT FROM NEW.is_archived)
            EXECUTE FUNCTION item_value_change();
        """;

    /// <summary>The rollup triggers the bulk generator switches off for its COPY (it runs <see cref="Backfill"/> after).</summary>
    public const string DisableBulkTriggers = """
        ALTER TABLE movements DISABLE TRIGGER movements_item_days, DISABLE TRIGGER movements_day_totals;
        ALTER TABLE item_stock_totals DISABLE TRIGGER item_stock_totals_value;
        """;
    public const string EnableBulkTriggers = """
        ALTER TABLE movements ENABLE TRIGGER movements_item_days, ENABLE TRIGGER movements_day_totals;
        ALTER TABLE item_stock_totals ENABLE TRIGGER item_stock_totals_value;
        """;

    /// <summary>Rebuilds every rollup from the ledger and the totals (the migration; the bulk generator after its COPY).</summary>
    public const string Backfill = $"""
        LOCK TABLE movements, item_stock_totals, items IN SHARE MODE;
        DELETE FROM movement_day_totals;
        DELETE FROM item_movement_days;
        DELETE FROM stock_value_changes;
        DELETE FROM category_stock_totals;
        INSERT INTO movement_day_totals (day, shard, movements, value_change)
        SELECT (m.occurred_at AT TIME ZONE 'UTC')::date, 0, count(*), sum(m.quantity * i.unit_cost)
        FROM movements m JOIN items i ON i.id = m.item_id GROUP BY 1;
        INSERT INTO item_movement_days (day, item_id, movements, units)
        SELECT (occurred_at AT TIME ZONE 'UTC')::date, item_id, count(*), sum(abs(quantity)) FROM movements GROUP BY 1, 2
        ORDER BY 1, 2; -- a day's rows together in the heap: today's are read per call
        INSERT INTO category_stock_totals (category_key, items, low, value)
        SELECT coalesce(i.category_id, '{NoCategory}'), count(*) FILTER (WHERE NOT i.is_archived),
               count(*) FILTER (WHERE t.on_hand <= t.reorder_point AND NOT i.is_archived), sum(t.on_hand * i.unit_cost)
        FROM items i JOIN item_stock_totals t ON t.item_id = i.id GROUP BY 1;
        """;

    /// <summary>
    /// How many change-log rows one fold moves into the totals: one transaction, so the advisory lock and the rows it
    /// deletes are held for a bounded time however long the log grew (docs/benchmarks.md, "Dashboard fold in the
    /// background": ~15–40 ms per batch on the development machine).
    /// </summary>
    public const int FoldBatch = 10_000;

    /// <summary>The advisory lock a folder holds for its transaction (one folder at a time, across replicas).</summary>
    public const long FoldLock = 1414007;

    /// <summary>
    /// The fold, shared by the background fold (<see cref="Fold"/>) and the dashboard's read
    /// (<see cref="FoldAndReadCategories"/>): if no other session is folding (the transaction-scoped advisory lock), up
    /// to <see cref="FoldBatch"/> rows of the change log are deleted and added to their categories' totals. The rows
    /// are picked by ctid from this statement's snapshot (a TID scan, not a scan of the log); a row another folder
    /// deleted after that snapshot is skipped by the DELETE and not returned, so no change is added twice.
    /// </summary>
    private static readonly string FoldCte = $"""
        WITH folder AS (SELECT pg_try_advisory_xact_lock({FoldLock}) AS mine),
        folded AS (
            DELETE FROM stock_value_changes
            WHERE ctid = ANY (ARRAY(SELECT ctid FROM stock_value_changes WHERE (SELECT mine FROM folder) LIMIT {FoldBatch}))
            RETURNING *),
        merged AS (
            INSERT INTO category_stock_totals AS c (category_key, items, low, value)
            SELECT coalesce(category_id, '{NoCategory}'), sum(items), sum(low), sum(value) FROM folded GROUP BY 1
            ON CONFLICT (category_key) DO UPDATE
                SET items = c.items + EXCLUDED.items, low = c.low + EXCLUDED.low, value = c.value + EXCLUDED.value)
        """;

    /// <summary>
    /// One batch of the fold (the background fold, Stock/DashboardFold): whether this session held the lock, and how
    /// many log rows it folded (fewer than <see cref="FoldBatch"/>: the log was empty at the statement's start).
    /// </summary>
    public static readonly string Fold = $"""
        {FoldCte}
        SELECT (SELECT mine FROM folder) AS mine, (SELECT count(*) FROM folded)::int AS folded
        """;

    /// <summary>
    /// Folds a batch of the change log into the per-category totals (only if no other session is folding) and returns
    /// the totals per category. One statement, one snapshot: the SELECT sees the totals and the log as they were before
    /// this statement's fold, so it counts every change exactly once whatever was folded, by whom.
    /// </summary>
    public static readonly string FoldAndReadCategories = $"""
        {FoldCte}
        SELECT nullif(key, '{NoCategory}') AS category, sum(items)::int AS items, sum(low)::int AS low, sum(value) AS value
        FROM (SELECT category_key AS key, items, low, value FROM category_stock_totals
              UNION ALL SELECT coalesce(category_id, '{NoCategory}'), items, low, value FROM stock_value_changes) all_changes
        GROUP BY key
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS items_value ON items;
        DROP TRIGGER IF EXISTS item_stock_totals_value ON item_stock_totals;
        DROP TRIGGER IF EXISTS items_revaluation ON items;
        DROP TRIGGER IF EXISTS movements_day_totals ON movements;
        DROP TRIGGER IF EXISTS movements_item_days ON movements;
        DROP FUNCTION IF EXISTS item_value_change(), stock_total_change(), item_revaluation(), movement_day_total(), movement_item_day();
        DROP TABLE IF EXISTS movement_day_totals, item_movement_days, stock_value_changes, category_stock_totals;
        """;
}
