using System.ComponentModel.DataAnnotations;
using Inventory.Web.Services;

namespace Inventory.Web.Pages.Items;

/// <summary>
/// One of the item page's stock forms. <see cref="IdempotencyKey"/> is a new Guid each time the form is rendered
/// fresh and is sent as the <c>Idempotency-Key</c> header, so submitting the same form twice books once. A refused
/// form is shown again with the same key: nothing was stored under it, and if the first attempt did get through
/// (e.g. an answer lost on the way back), a resubmit gets that first answer instead of booking again.
/// </summary>
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
    public string? IdempotencyKey { get; set; }

    public MovementWrite ToWrite(MovementKind kind, Guid itemId) => kind == MovementKind.Transfer
        ? new(itemId, null, LocationId, ToLocationId, Quantity, null, Reference, Note)
        : new(itemId, LocationId, null, null, Quantity, kind == MovementKind.Adjustment ? ReasonCode : null, Reference, Note);

    /// <summary>Form key of an API error path, under the form's prefix (<c>Issue.Quantity</c>); the transfer's "from" is the form's location.</summary>
    public static string? FieldFor(string prefix, string path) => path switch
    {
        "locationId" or "fromLocationId" => $"{prefix}.LocationId",
        "toLocationId" => $"{prefix}.ToLocationId",
        "quantity" => $"{prefix}.Quantity",
        "reasonCode" => $"{prefix}.ReasonCode",
        "reference" => $"{prefix}.Reference",
        "note" => $"{prefix}.Note",
        _ => null,
    };
}
