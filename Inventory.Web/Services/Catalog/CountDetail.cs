namespace Inventory.Web.Services.Catalog;

/// <summary>One cycle count with its lines (the expected side hidden from clerks in a blind count).</summary>
public sealed record CountDetail(Guid Id, Guid LocationId, string LocationCode, string Status, bool Blind, string? Note, string OpenedBy,
    DateTimeOffset OpenedAt, string? ClosedBy, DateTimeOffset? ClosedAt, bool ExpectedHidden, IReadOnlyList<CountDetailLine> Lines)
{
    public bool IsOpen => Status == "open";
}
