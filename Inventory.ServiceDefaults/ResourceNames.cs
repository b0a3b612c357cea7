namespace Inventory.ServiceDefaults;

/// <summary>
/// Names of the Aspire resources. The AppHost names resources with these, the services resolve
/// connection strings and service-discovery addresses with them, and the tests find resources by them.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string CatalogDb = "catalogdb";
    public const string ProcurementDb = "procurementdb";
    public const string WebDb = "webdb";

    public const string Catalog = "catalog";
    public const string Procurement = "procurement";
    public const string Web = "web";
    public const string Gateway = "gateway";

    /// <summary>Service-discovery base address of a service: HTTPS when it has it, HTTP otherwise.</summary>
    public static Uri ServiceUri(string resourceName) => new($"https+http://{resourceName}");
}
