using Inventory.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;

namespace Inventory.Tests.Unit;

/// <summary>Codes become the words a person reads, and times are shown in the viewer's zone with UTC on hover.</summary>
public sealed class WordsAndTimesTests
{
    [Theory]
    [InlineData("transfer_in", "Transfer in")]
    [InlineData("transfer_out", "Transfer out")]
    [InlineData("receipt", "Receipt")]
    [InlineData("something_new", "something_new")] // an unknown type is shown as it is, never hidden
    public void Movement_types_are_words(string code, string words) => Assert.Equal(words, Words.MovementType(code));

    [Theory]
    [InlineData("damaged", "Damaged")]
    [InlineData("count", "Count variance")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Reasons_are_words(string? code, string words) => Assert.Equal(words, Words.Reason(code));

    [Theory]
    [InlineData("open", "Open")]
    [InlineData("posted", "Posted")]
    [InlineData("cancelled", "Cancelled")]
    public void Count_statuses_are_words(string code, string words) => Assert.Equal(words, Words.CountStatus(code));

    [Theory]
    [InlineData("PartiallyReceived", "Partially received")]
    [InlineData("Draft", "Draft")]
    [InlineData(null, "—")]
    public void Order_statuses_are_words(string? code, string words) => Assert.Equal(words, Words.OrderStatus(code));

    [Theory]
    [InlineData("Pending", "Waiting to post")]
    [InlineData("Failing", "Retrying")]
    [InlineData("Rejected", "Rejected")]
    public void Posting_states_are_words(string code, string words) => Assert.Equal(words, Words.PostingState(code));

    [Fact]
    public void A_count_movement_names_its_count_and_place_instead_of_the_stored_reference()
    {
        var count = Guid.NewGuid();
        var note = new MovementNote("count", $"count {count}", "shelf recount", count, "WH/A1");

        Assert.Equal([("Count · WH/A1", $"/counts/{count}"), ("shelf recount", (string?)null)], note.Parts.ToArray());
        Assert.Equal([("Damaged", (string?)null), ("JOB-1", null)], new MovementNote("damaged", "JOB-1", null, null, "A1").Parts.ToArray());
    }

    [Fact]
    public void A_receipt_booked_from_a_purchase_order_links_its_number_to_the_order_through_the_scan_page()
    {
        var fromOrder = new MovementNote(null, "PO-2026-0007", null, null, "A1", "service:procurement");
        var typed = new MovementNote(null, "PO-2026-0007", null, null, "A1");

        Assert.Equal([("PO-2026-0007", (string?)"/scan?code=PO-2026-0007")], fromOrder.Parts.ToArray());
        Assert.Equal([("PO-2026-0007", (string?)null)], typed.Parts.ToArray()); // typed by a person: not known to be an order
    }

    private static readonly DateTimeOffset Moment = new(2026, 7, 1, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_time_is_shown_in_the_viewers_zone_with_utc_in_its_title()
    {
        using var _ = ViewerTimeZone.Use(ViewerTimeZone.Find("Asia/Kolkata")!);

        Assert.Equal("<time datetime=\"2026-07-01T22:30:00Z\" title=\"2026-07-01 22:30 UTC\">2026-07-02 04:00</time>", Html(Format.Time(Moment)));
    }

    [Fact]
    public void Summer_time_is_honoured()
    {
        using var _ = ViewerTimeZone.Use(ViewerTimeZone.Find("Europe/Vienna")!);

        Assert.Equal("2026-07-02 00:30", Format.TimeText(Moment)); // CEST, +2
        Assert.Equal("2026-01-01 23:30", Format.TimeText(new DateTimeOffset(2026, 1, 1, 22, 30, 0, TimeSpan.Zero))); // CET, +1
    }

    [Fact]
    public void Without_a_zone_times_are_utc_and_say_so()
    {
        Assert.Equal("2026-07-01 22:30 UTC", Format.TimeText(Moment));
        Assert.Equal("—", Html(Format.Time(null)));
    }

    [Theory]
    [InlineData("Europe/Vienna", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_zones_the_server_knows_are_taken(string? id, bool known) => Assert.Equal(known, ViewerTimeZone.Find(id) is not null);

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
