using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Counts;

public sealed class OpenCountInput
{
    [Display(Name = "Location")]
    public Guid? LocationId { get; set; }

    [Display(Name = "Blind (counters do not see the expected quantities)")]
    public bool Blind { get; set; }

    public string? Note { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public OpenCountWrite ToWrite() => new(LocationId, Blind, Note);
}
