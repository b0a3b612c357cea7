namespace Inventory.Web.Services.Procurement;

public sealed record ReceiveWrite(Guid? LocationId, IReadOnlyList<ReceiveLineWrite> Lines);
