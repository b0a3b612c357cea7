namespace Inventory.Web.Services.Procurement;

/// <summary>A line of a purchase order: what was ordered and how much of it has arrived.</summary>
public sealed record OrderLine(Guid Id, int LineNumber, Guid ItemId, string ItemSku, string Description,
    decimal QuantityOrdered, decimal UnitPrice, decimal QuantityReceived, decimal LineTotal)
{
    public decimal QuantityOpen => Math.Max(0, QuantityOrdered - QuantityReceived);
}
