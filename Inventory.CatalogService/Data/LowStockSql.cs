namespace Inventory.CatalogService.Data;

/// <summary>
/// The low-stock list is an index range: item_stock_totals carries a copy of its item's sku_normalized and a partial
/// index <c>(sku_normalized, item_id) WHERE on_hand &lt;= reorder_point</c>, so the list's first page reads the first
/// low totals in SKU order instead of sorting every low item (issue 14: 3 ms before the totals left items, 28 after).
/// Triggers keep the copy right in the same statement as the item's change: filled from the item when the total is
/// inserted (the item row is written first), rewritten when the item's SKU changes. Not in EF's model: an entity
/// property maps to one table, and only these triggers write the copy.
/// </summary>
public static class LowStockSql
{
    public const string Index = "ix_item_stock_totals_low_stock_sku";

    public const string Create = $"""
        ALTER TABLE item_stock_totals ADD COLUMN sku_normalized varchar(64);
        UPDATE item_stock_totals t SET sku_normalized = i.sku_normalized FROM items i WHERE i.id = t.item_id;
        ALTER TABLE item_stock_totals ALTER COLUMN sku_normalized SET NOT NULL;

        CREATE FUNCTION item_stock_total_sku() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.sku_normalized := (SELECT sku_normalized FROM items WHERE id = NEW.item_id);
            RETURN NEW;
        END $$;
        CREATE TRIGGER item_stock_totals_sku BEFORE INSERT OR UPDATE OF item_id ON item_stock_totals
            FOR EACH ROW EXECUTE FUNCTION item_stock_total_sku();

        CREATE FUNCTION item_sku_to_total() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE item_stock_totals SET sku_normalized = NEW.sku_normalized WHERE item_id = NEW.id;
            RETURN NULL;
        END $$;
        CREATE TRIGGER items_sku_to_total AFTER UPDATE OF sku ON items
            FOR EACH ROW WHEN (OLD.sku_normalized IS DISTINCT FROM NEW.sku_normalized) EXECUTE FUNCTION item_sku_to_total();

        CREATE INDEX {Index} ON item_stock_totals (sku_normalized, item_id) WHERE on_hand <= reorder_point;
        """;

    public const string Drop = $"""
        DROP INDEX IF EXISTS {Index};
        DROP TRIGGER IF EXISTS items_sku_to_total ON items;
        DROP TRIGGER IF EXISTS item_stock_totals_sku ON item_stock_totals;
        DROP FUNCTION IF EXISTS item_sku_to_total(), item_stock_total_sku();
        ALTER TABLE item_stock_totals DROP COLUMN IF EXISTS sku_normalized;
        """;
}
