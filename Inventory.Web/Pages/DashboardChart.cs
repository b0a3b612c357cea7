using System.Text.Json;

namespace Inventory.Web.Pages;

/// <summary>
/// One dashboard chart: what <c>wwwroot/js/dashboard.js</c> draws (read from a JSON block, never an inline script)
/// and what the table beside it lists for screen readers and for anyone without script. Each point links to the
/// list behind it; a point without a link (items without a category) is drawn but leads nowhere.
/// </summary>
public sealed record DashboardChart(string Id, string Title, string Kind, string Series, string LabelHeading,
    IReadOnlyList<DashboardPoint> Points)
{
    public const string Bar = "bar";
    public const string HorizontalBar = "horizontalBar";
    public const string Line = "line";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The chart as JSON for its data block; the default encoder escapes &lt; and &gt;, so it cannot close the block.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        Kind, Series,
        Labels = Points.Select(p => p.Label),
        Values = Points.Select(p => p.Value),
        Links = Points.Select(p => p.Href),
    }, Json);
}

/// <summary>A bar or point: its label, its value (and how the table shows it), and the filtered list it opens.</summary>
public sealed record DashboardPoint(string Label, decimal Value, string Shown, string? Href);
