using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// Floor mode's start: one big button per task the user's role may do (Viewer: Look up; Clerk and above: Receive,
/// Put away / move, Pick / issue, Count too). Every signed-in role may open it.
/// </summary>
public sealed class FloorHubModel : PageModel
{
    public IReadOnlyList<FloorTask> Tasks { get; private set; } = [];

    public void OnGet() => Tasks = FloorTask.All.Where(t => !t.NeedsClerk || User.CanOperate()).ToList();
}

/// <summary>A floor task's button on the hub: where it goes, its words, and whether it writes stock (Clerk and above).</summary>
public sealed record FloorTask(string Id, string Path, string Title, string Hint, bool NeedsClerk)
{
    public static readonly IReadOnlyList<FloorTask> All =
    [
        new("receive", "/floor/receive", "Receive", "Goods against a purchase order", true),
        new("move", "/floor/move", "Put away / move", "From one location to another", true),
        new("pick", "/floor/pick", "Pick / issue", "Take stock out of a location", true),
        new("count", "/floor/count", "Count", "Count what a location holds", true),
        new("lookup", "/floor/lookup", "Look up", "What an item or a location holds", false),
    ];
}
