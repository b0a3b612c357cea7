namespace Inventory.ProcurementService.Replenishment;

public static class ReplenishmentRules
{
    public const int MaxItems = 1000;

    public static Dictionary<string, string[]> Validate(CreateDraftsRequest request) =>
        request.ItemIds is { Count: > 0 and <= MaxItems }
            ? []
            : new() { ["itemIds"] = [$"Choose between 1 and {MaxItems} items."] };
}
