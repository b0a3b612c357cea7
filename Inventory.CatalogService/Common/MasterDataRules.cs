namespace Inventory.CatalogService.Common;

public static class MasterDataRules
{
    /// <summary>An edit names the version it read, so that two people editing the same record never silently overwrite each other.</summary>
    public static void RequireVersion(Dictionary<string, string[]> errors, int? version)
    {
        if (version is null)
            errors["version"] = ["The version you read is required (optimistic concurrency)."];
    }
}
