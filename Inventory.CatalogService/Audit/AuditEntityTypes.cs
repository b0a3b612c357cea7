namespace Inventory.CatalogService.Audit;

public static class AuditEntityTypes
{
    public const string Item = "item";
    public const string Category = "category";
    public const string Location = "location";

    public static readonly string[] All = [Item, Category, Location];
}
