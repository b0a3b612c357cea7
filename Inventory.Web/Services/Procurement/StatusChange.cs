namespace Inventory.Web.Services.Procurement;

/// <summary>A step of a purchase order's life cycle (From is null for its creation).</summary>
public sealed record StatusChange(string? From, string To, string ChangedBy, DateTimeOffset ChangedAt);
