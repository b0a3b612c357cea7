namespace Inventory.Web.Pages.Shared;

/// <summary>The "By" cell of a movement row: the person's name, the service it came through (if any) and when they acted.</summary>
public sealed record MovementBy(string Name, string? Channel, DateTimeOffset? ActedAt);
