namespace Inventory.CatalogService.Counts;

/// <summary>Opens a count of a location: all items stocked there, or only <see cref="ItemIds"/>.</summary>
public sealed record OpenCountRequest(Guid? LocationId, IReadOnlyList<Guid>? ItemIds, bool? Blind, string? Note);

public sealed record RecordCountsRequest(IReadOnlyList<CountedLine>? Lines);

public sealed record CountedLine(Guid? ItemId, decimal? CountedQuantity);

public sealed record CountSessionDto(
    Guid Id, Guid LocationId, string LocationCode, string Status, bool Blind, string? Note, string OpenedBy, DateTimeOffset OpenedAt,
    string? ClosedBy, DateTimeOffset? ClosedAt, bool ExpectedHidden, IReadOnlyList<CountLineDto> Lines);

/// <summary>
/// One item of a count. Expected = snapshot + movements at the location since the snapshot; variance = counted −
/// expected. The expected side is null while a blind count is open, for roles below Manager.
/// </summary>
public sealed record CountLineDto(
    Guid ItemId, string Sku, string Name, string Unit, decimal? SnapshotQuantity, decimal? MovementsSinceSnapshot,
    decimal? ExpectedQuantity, decimal? CountedQuantity, decimal? Variance, string? CountedBy, DateTimeOffset? CountedAt);

public sealed record CountSummaryDto(Guid Id, Guid LocationId, string LocationCode, string Status, bool Blind, string OpenedBy,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Lines, int Counted);
