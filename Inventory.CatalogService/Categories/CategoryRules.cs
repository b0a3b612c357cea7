namespace Inventory.CatalogService.Categories;

public static class CategoryRules
{
    public const int NameMaxLength = 100;

    public static Dictionary<string, string[]> Validate(CreateCategoryRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = request.Name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            errors["name"] = ["Name is required."];
        else if (trimmed.Length > NameMaxLength)
            errors["name"] = [$"Name must be at most {NameMaxLength} characters."];
        else if (trimmed.Contains(" / ", StringComparison.Ordinal))
            errors["name"] = ["Name may not contain \" / \" (it separates the levels of a path)."];
        if (request.ParentId == Guid.Empty)
            errors["parentId"] = ["Not a valid category id."];
        TextFields.RefuseNul(errors, ("name", request.Name));
        return errors;
    }
}
