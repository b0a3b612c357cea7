namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// The first answer to a mutating request that carried an <c>Idempotency-Key</c>, per caller. Written in the
/// same transaction as the change it answers, so both commit or neither does.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Caller { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public string? ResponseBody { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
