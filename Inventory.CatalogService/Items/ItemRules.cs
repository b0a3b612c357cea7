using System.Text.RegularExpressions;
using Inventory.CatalogService.Common;

namespace Inventory.CatalogService.Items;

/// <summary>What makes an item valid. Keys of the returned errors are the request's JSON field names.</summary>
public static partial class ItemRules
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int BarcodeMaxLength = Barcodes.MaxLength;
    public const decimal MaxAmount = Amounts.Max;

    /// <summary>Units of measure the catalog knows; indivisible ones take whole quantities only.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Units = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["each"] = false, ["box"] = false, ["pack"] = false, ["pair"] = false,
        ["kg"] = true, ["g"] = true, ["m"] = true, ["cm"] = true, ["l"] = true, ["ml"] = true,
    };

    // Letters, digits and . _ - / : what label printers and barcode fonts all handle.
    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex SkuCharacters();

    public static string NormalizeSku(string sku) => sku.Trim();

    /// <summary>What SKUs are unique by, and looked up by: the SKU regardless of case (the column sku_normalized).</summary>
    public static string SkuKey(string sku) => NormalizeSku(sku).ToUpperInvariant();

    public static string? NormalizeBarcode(string? barcode) => Barcodes.Normalize(barcode);

    public static bool IsDivisible(string unit) => Units.TryGetValue(unit, out var divisible) && divisible;

    /// <summary>The units that take fractions, as stored (lower case).</summary>
    public static readonly string[] DivisibleUnits = Units.Where(u => u.Value).Select(u => u.Key).ToArray();

    public static Dictionary<string, string[]> Validate(UpdateItemRequest request)
    {
        var errors = Validate((CreateItemRequest)request);
        MasterDataRules.RequireVersion(errors, request.Version);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(CreateItemRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var sku = request.Sku?.Trim();
        if (string.IsNullOrEmpty(sku))
            errors["sku"] = ["SKU is required."];
        else if (sku.Length > SkuMaxLength)
            errors["sku"] = [$"SKU must be at most {SkuMaxLength} characters."];
        else if (!SkuCharacters().IsMatch(sku))
            errors["sku"] = ["SKU may contain only letters, digits and . _ - /"];

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors["name"] = ["Name is required."];
        else if (name.Length > NameMaxLength)
            errors["name"] = [$"Name must be at most {NameMaxLength} characters."];

        if (request.Description is { Length: > DescriptionMaxLength })
            errors["description"] = [$"Description must be at most {DescriptionMaxLength} characters."];

        if (string.IsNullOrWhiteSpace(request.Unit))
            errors["unit"] = ["Unit is required."];
        else if (!Units.ContainsKey(request.Unit.Trim()))
            errors["unit"] = [$"Unit must be one of: {string.Join(", ", Units.Keys)}."];

        Barcodes.Check(errors, "barcode", NormalizeBarcode(request.Barcode));

        if (request.CategoryId == Guid.Empty)
            errors["categoryId"] = ["Not a valid category id."];
        if (request.PreferredSupplierId == Guid.Empty)
            errors["preferredSupplierId"] = ["Not a valid supplier id."];

        CheckAmount(errors, "unitCost", request.UnitCost);
        CheckAmount(errors, "reorderPoint", request.ReorderPoint);
        CheckAmount(errors, "reorderQuantity", request.ReorderQuantity);
        TextFields.RefuseNul(errors, ("sku", request.Sku), ("name", request.Name), ("description", request.Description),
            ("unit", request.Unit), ("barcode", request.Barcode));
        return errors;
    }

    public static void CheckAmount(Dictionary<string, string[]> errors, string field, decimal? value)
    {
        if (value is < 0)
            errors[field] = ["Must be zero or more."];
        else
            Amounts.Check(errors, field, value);
    }
}
