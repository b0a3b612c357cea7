namespace Inventory.CatalogService.Trees;

/// <summary>A request that places a node in its tree: under <see cref="ParentId"/>, or at the root when null.</summary>
public interface ITreeRequest
{
    Guid? ParentId { get; }
}
