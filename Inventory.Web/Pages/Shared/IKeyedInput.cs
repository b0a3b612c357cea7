namespace Inventory.Web.Pages.Shared;

/// <summary>A form's input model that carries the form's Idempotency-Key (<see cref="FormKeys"/>).</summary>
public interface IKeyedInput
{
    string? IdempotencyKey { get; }
}
