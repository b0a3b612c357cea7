namespace Inventory.CatalogService.Data;

/// <summary>Database objects that EF Core's model cannot express; migrations apply them.</summary>
public static class LedgerSql
{
    /// <summary>
    /// The ledger is append-only in the database too: any UPDATE or DELETE of a movement raises, whoever
    /// issues it. (TRUNCATE stays possible for an operator resetting a development or test database.)
    /// </summary>
    public const string CreateAppendOnlyTrigger = """
        CREATE FUNCTION movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'stock movements are append-only: % is not allowed; record a correcting movement instead', TG_OP
                USING ERRCODE = 'restrict_violation';
        END $$;
        CREATE TRIGGER movements_append_only BEFORE UPDATE OR DELETE ON movements
            FOR EACH ROW EXECUTE FUNCTION movements_append_only();
        """;

    public const string DropAppendOnlyTrigger = """
        DROP TRIGGER IF EXISTS movements_append_only ON movements;
        DROP FUNCTION IF EXISTS movements_append_only();
        """;
}
