namespace Inventory.Web.Services.Catalog;

/// <summary>The stock value at the end of a UTC day, at today's unit costs.</summary>
public sealed record DailyValue(DateOnly Date, decimal Value);
