namespace Inventory.Web.Pages.Floor;

/// <summary>What the catalog answered for one line of a batch booked line by line (a move's transfer, a pick's issue).</summary>
public sealed record FloorBooked(FloorLine Line, ApiProblem? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// Books a floor batch one movement per line (Put away / move, Pick / issue): each line's write carries its own
/// Idempotency-Key derived from the batch's key and the line's item, so a double tap on the confirm button — or a
/// confirm again after some lines were refused — books each line at most once. A refused write stores nothing under
/// its key, so the refused lines can be corrected and confirmed again with the same batch.
/// </summary>
public static class FloorBookings
{
    /// <summary>The key of one line's write: the batch's key and the item (at most 69 printable characters).</summary>
    public static string KeyOf(FloorBatch batch, FloorLine line)
    {
        batch.IdempotencyKey = FormKeys.OrNew(batch.IdempotencyKey);
        return $"{batch.IdempotencyKey}.{line.ItemId:N}";
    }

    /// <summary>
    /// Why the batch cannot be confirmed yet (no line with a quantity, a quantity below zero), or null. Lines of 0 are
    /// left out of the booking (the user zeroed them instead of removing them).
    /// </summary>
    public static string? WhyNotReady(FloorBatch batch, string verb)
    {
        if (batch.Lines.All(l => l.Quantity == 0))
            return $"Scan at least one item before you {verb}.";
        return batch.Lines.FirstOrDefault(l => l.Quantity < 0) is { } negative
            ? $"The quantity of {negative.Sku} must be more than zero."
            : null;
    }

    /// <summary>Books every line with a quantity, in order, one call each; a refusal of one line does not stop the others.</summary>
    public static async Task<IReadOnlyList<FloorBooked>> BookEachAsync(FloorBatch batch,
        Func<FloorLine, string, Task<ApiResult<BookedMovements>>> book)
    {
        var answers = new List<FloorBooked>();
        foreach (var line in batch.Lines.Where(l => l.Quantity > 0).ToList())
            answers.Add(new(line, (await book(line, KeyOf(batch, line))).Problem));
        return answers;
    }

    /// <summary>
    /// After booking: null when every line was booked (the page then redirects, saying <paramref name="done"/>); else
    /// the error to show — how many lines were not <paramref name="verb"/> and what was — with the refused lines kept
    /// in the batch, each with the catalog's reason (it names what is available), and the booked ones gone from it.
    /// </summary>
    public static ScanFeedback? Refused(FloorBatch batch, IReadOnlyList<FloorBooked> answers, string verb, string done)
    {
        var refused = answers.Where(a => !a.Ok).ToList();
        if (refused.Count == 0)
            return null;
        batch.Lines = refused.Select(a => a.Line).ToList();
        foreach (var line in refused)
            line.Line.Warning = line.Problem!.Title;
        var booked = answers.Count - refused.Count;
        return ScanFeedback.Error($"{refused.Count} line{(refused.Count == 1 ? " was" : "s were")} not {verb}: see below."
            + (booked > 0 ? $" {done}" : ""));
    }

    /// <summary>"SKU-1 × 5, SKU-2 × 3": the lines of a result, for the message after the batch.</summary>
    public static string List(IEnumerable<FloorBooked> answers) =>
        string.Join(", ", answers.Select(a => $"{a.Line.Sku} × {Format.Quantity(a.Line.Quantity)}"));
}

/// <summary>What <c>_FloorBooked</c> lists after a confirm that was refused in part: the lines booked, under a heading ("Moved").</summary>
public sealed record FloorBookedList(string Heading, IReadOnlyList<FloorBooked> Lines);
