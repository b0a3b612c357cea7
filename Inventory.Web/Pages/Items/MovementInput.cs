using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Items;

/// <summary>One of the item page's stock forms; it carries its own Idempotency-Key (<see cref="FormKeys"/>).</summary>
public sealed class MovementInput
{
    public static readonly string[] ReasonCodes = ["damaged", "lost", "stolen", "found", "expired", "correction", "sample", "other"];

    [Display(Name = "Location")]
    public Guid? LocationId { get; set; }

    [Display(Name = "To location")]
    public Guid? ToLocationId { get; set; }

    public decimal? Quantity { get; set; }

    [Display(Name = "Reason")]
    public string? ReasonCode { get; set; }

    public string? Reference { get; set; }
    public string? Note { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public MovementWrite ToWrite(MovementKind kind, Guid itemId) => kind == MovementKind.Transfer
        ? new(itemId, null, LocationId, ToLocationId, Quantity, null, Reference, Note)
        : new(itemId, LocationId, null, null, Quantity, kind == MovementKind.Adjustment ? ReasonCode : null, Reference, Note);

    /// <summary>Where the API's errors go on the form named <paramref name="prefix"/>: a transfer's "from" is the form's location.</summary>
    public static FieldMap Fields(string prefix) => new FieldMap(prefix).Rename("fromLocationId", "locationId");
}
