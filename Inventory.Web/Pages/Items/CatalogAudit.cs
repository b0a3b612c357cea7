using System.Text.Json;

namespace Inventory.Web.Pages.Items;

/// <summary>Reads the catalog's audit <c>changes</c> (<c>{ field: { before, after } }</c>) as text.</summary>
public static class CatalogAudit
{
    public static string Text(JsonElement change, string side) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(side, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => "—",
                JsonValueKind.String => value.GetString() ?? "—",
                _ => value.GetRawText(),
            }
            : "—";
}
