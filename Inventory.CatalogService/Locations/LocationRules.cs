using System.Text.RegularExpressions;
using Inventory.CatalogService.Common;

namespace Inventory.CatalogService.Locations;

public static partial class LocationRules
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodeCharacters();

    public static Dictionary<string, string[]> Validate(CreateLocationRequest request)
    {
        var (code, name, kind, parentId) = (request.Code, request.Name, request.Kind, request.ParentId);
        var errors = new Dictionary<string, string[]>();
        var trimmedCode = code?.Trim();
        if (string.IsNullOrEmpty(trimmedCode))
            errors["code"] = ["Code is required."];
        else if (trimmedCode.Length > CodeMaxLength)
            errors["code"] = [$"Code must be at most {CodeMaxLength} characters."];
        else if (!CodeCharacters().IsMatch(trimmedCode))
            errors["code"] = ["Code may contain only letters, digits and . _ -"];

        Barcodes.Check(errors, "barcode", Barcodes.Normalize(request.Barcode));

        var trimmedName = name?.Trim();
        if (string.IsNullOrEmpty(trimmedName))
            errors["name"] = ["Name is required."];
        else if (trimmedName.Length > NameMaxLength)
            errors["name"] = [$"Name must be at most {NameMaxLength} characters."];

        var normalizedKind = kind?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalizedKind))
            errors["kind"] = ["Kind is required."];
        else if (!LocationKinds.All.Contains(normalizedKind))
            errors["kind"] = [$"Kind must be one of: {string.Join(", ", LocationKinds.All)}."];
        else if (normalizedKind == LocationKinds.Warehouse && parentId is not null)
            errors["parentId"] = ["A warehouse is a root location: it has no parent."];
        else if (normalizedKind == LocationKinds.Bin && parentId is null)
            errors["parentId"] = ["A bin needs a parent (a warehouse or another bin)."];

        if (parentId == Guid.Empty)
            errors["parentId"] = ["Not a valid location id."];
        TextFields.RefuseNul(errors, ("code", code), ("barcode", request.Barcode), ("name", name), ("kind", kind));
        return errors;
    }
}
