using System.ComponentModel.DataAnnotations;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>
/// The draft form: header and a fixed number of line rows (blank rows are ignored), so it works without script;
/// "Add lines" posts back for more rows, and wwwroot/js/procurement.js adds rows in place when script runs.
/// </summary>
public sealed class OrderInput
{
    public const int RowsToAdd = 5;

    [Display(Name = "Supplier")]
    public Guid? SupplierId { get; set; }

    [Display(Name = "Expected date")]
    public DateOnly? ExpectedDate { get; set; }

    public string? Notes { get; set; }

    public List<OrderLineInput> Lines { get; set; } = [];

    /// <summary>The version the draft was loaded at (edit only).</summary>
    public uint? Version { get; set; }

    public void AddBlankRows(int count)
    {
        for (var i = 0; i < count; i++)
            Lines.Add(new OrderLineInput());
    }

    public static OrderInput From(PurchaseOrder order) => new()
    {
        SupplierId = order.SupplierId,
        ExpectedDate = order.ExpectedDate,
        Notes = order.Notes,
        Version = order.Version,
        Lines = order.Lines.Select(l => new OrderLineInput
        {
            Sku = l.ItemSku, Quantity = l.QuantityOrdered, UnitPrice = l.UnitPrice, ItemId = l.ItemId, KnownSku = l.ItemSku,
        }).ToList(),
    };
}

public sealed class OrderLineInput
{
    public string? Sku { get; set; }
    public decimal? Quantity { get; set; }

    /// <summary>Blank: the supplier's price for the item.</summary>
    public decimal? UnitPrice { get; set; }

    /// <summary>The catalog id <see cref="KnownSku"/> was resolved to earlier, so an unchanged row needs no look-up.</summary>
    public Guid? ItemId { get; set; }
    public string? KnownSku { get; set; }

    /// <summary>No SKU and no quantity: not a line (clearing both removes a line from a draft).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Sku) && Quantity is null;
}

/// <summary>Turns the form's rows into the API's lines and maps the API's line errors back to the rows they came from.</summary>
public sealed class OrderLines(CatalogClient catalog)
{
    /// <summary>
    /// The lines to send, and for each the form row it came from. Rows whose SKU is missing or unknown get an error
    /// next to their SKU; an unreachable catalog is returned as the problem (no lines).
    /// </summary>
    public async Task<(List<PurchaseOrderLineWrite> Lines, List<int> Rows, ApiProblem? Problem)> ResolveAsync(
        OrderInput input, ModelStateDictionary modelState, CancellationToken ct)
    {
        var lines = new List<PurchaseOrderLineWrite>();
        var rows = new List<int>();
        var found = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
        for (var row = 0; row < input.Lines.Count; row++)
        {
            var line = input.Lines[row];
            if (line.IsBlank)
                continue;
            var sku = line.Sku?.Trim();
            if (string.IsNullOrEmpty(sku))
            {
                modelState.AddModelError(SkuKey(row), "Enter the item's SKU.");
                continue;
            }
            var itemId = line.ItemId is not null && string.Equals(line.KnownSku, sku, StringComparison.OrdinalIgnoreCase) ? line.ItemId : null;
            if (itemId is null && !found.TryGetValue(sku, out itemId))
            {
                var result = await catalog.FindItemBySkuAsync(sku, ct);
                if (!result.Succeeded)
                    return ([], [], result.Problem);
                found[sku] = itemId = result.Value?.Id;
            }
            if (itemId is null)
            {
                modelState.AddModelError(SkuKey(row), $"No active catalog item has SKU {sku}.");
                continue;
            }
            line.ItemId = itemId;
            line.KnownSku = sku;
            lines.Add(new PurchaseOrderLineWrite(itemId, line.Quantity, line.UnitPrice));
            rows.Add(row);
        }
        return (lines, rows, null);
    }

    /// <summary>Form key of an API error: <c>lines[2].quantity</c> → the row line 2 came from; the item id is the row's SKU.</summary>
    public static Func<string, string?> FieldFor(IReadOnlyList<int> rows, bool supplierOnForm) => path =>
    {
        if (ApiProblemModelState.TryParseLine(path, out var index, out var field) && index < rows.Count)
            return field switch
            {
                "itemId" => SkuKey(rows[index]),
                "quantity" => $"Input.Lines[{rows[index]}].Quantity",
                "unitPrice" => $"Input.Lines[{rows[index]}].UnitPrice",
                _ => null,
            };
        return path == "supplierId" && !supplierOnForm ? null : ApiProblemModelState.Field(path, "Input", "supplierId", "expectedDate", "notes");
    };

    private static string SkuKey(int row) => $"Input.Lines[{row}].Sku";
}

/// <summary>What the line-rows partial needs from the create and edit pages.</summary>
public interface IOrderForm
{
    OrderInput Input { get; }

    /// <summary>The supplier's items and prices, offered as SKU suggestions; null when no supplier is chosen yet.</summary>
    IReadOnlyList<SupplierItem>? SupplierItems { get; }

    string? Currency { get; }
}
