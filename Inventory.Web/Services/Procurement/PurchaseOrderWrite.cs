using System.Text.Json.Serialization;

namespace Inventory.Web.Services.Procurement;

/// <summary>Body of a draft's create (supplier, no version) or update (no supplier, the version read).</summary>
public sealed record PurchaseOrderWrite(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? SupplierId,
    DateOnly? ExpectedDate, string? Notes, IReadOnlyList<OrderLineWrite> Lines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version);
