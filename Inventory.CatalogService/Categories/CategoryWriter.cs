using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Trees;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Categories;

public sealed class CategoryWriter(CatalogDbContext db, MasterDataChanges changes)
    : TreeWriter<Category, CreateCategoryRequest, CategoryDto>(db, changes)
{
    protected override string What => AuditEntityTypes.Category;
    protected override string CycleMessage => "A category cannot be moved under itself or one of its descendants.";
    protected override string ActiveChildrenMessage => "The category has active subcategories: archive or move them first.";

    protected override Dictionary<string, string[]> Validate(CreateCategoryRequest request) => CategoryRules.Validate(request);

    protected override Category New() => new() { Name = "" };

    protected override void Apply(Category node, CreateCategoryRequest request) => node.Name = request.Name!.Trim();

    protected override CategoryDto ToDto(Category node) => CategoryDto.From(node);

    protected override ProblemHttpResult Taken(Category node, string? constraint) =>
        Problems.Conflict("name", $"A category named '{node.Name}' already exists at that level.");
}
