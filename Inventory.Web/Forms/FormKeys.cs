namespace Inventory.Web.Forms;

/// <summary>
/// The one way a write from Web is made idempotent: every form that changes data carries an <c>Idempotency-Key</c>
/// in a hidden input (an <c>IdempotencyKey</c> property of its input model, or of the page for a form without one).
/// The key is new each time a form is rendered fresh and is sent with the write (<see cref="Services.ServiceClient"/>),
/// so submitting the same form twice applies once. A refused form is shown again with the same key: a refused
/// write stores nothing under it, and if the first attempt did get through (its answer lost on the way back), a
/// resubmit gets that first answer instead of applying again.
/// </summary>
public static class FormKeys
{
    public static string New() => Guid.NewGuid().ToString();

    /// <summary>The key a form was posted with, or a new one when it came without (a request made by hand).</summary>
    public static string OrNew(string? posted) => string.IsNullOrWhiteSpace(posted) ? New() : posted;
}
