namespace Inventory.Web.Services.Catalog;

/// <summary>A row of the cycle-count list.</summary>
public sealed record CountSummary(Guid Id, Guid LocationId, string LocationCode, string Status, bool Blind, string OpenedBy,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Lines, int Counted);
