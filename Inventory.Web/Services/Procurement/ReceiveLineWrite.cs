namespace Inventory.Web.Services.Procurement;

public sealed record ReceiveLineWrite(Guid LineId, decimal Quantity);
