using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using ZXing;
using ZXing.OneD;

namespace Inventory.Web.Labels;

/// <summary>
/// A Code 128 symbol as inline SVG, drawn from ZXing.Net's module pattern: one rect per bar, one unit per module, with
/// the quiet zone inside the view box. CSS sizes it to the label (no style attribute: the CSP allows none), and
/// crisp edges keep the bars sharp at any printer's resolution.
/// </summary>
public static class BarcodeSvg
{
    /// <summary>Modules of white on each side: Code 128 asks for ten.</summary>
    public const int QuietZone = 10;

    public static bool CanEncode(string content) => content.Length is > 0 and <= 80 && content.All(c => c is >= ' ' and <= '~');

    public static IHtmlContent Code128(string content, string label)
    {
        var row = new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 1,
            new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = QuietZone });
        var width = row.Width;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"label-barcode\" viewBox=\"0 0 {width} 1\" ");
        svg.Append("preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"");
        svg.Append(System.Net.WebUtility.HtmlEncode($"Code 128 barcode of {label}")).Append("\" data-code=\"")
            .Append(System.Net.WebUtility.HtmlEncode(content)).Append("\"><rect width=\"100%\" height=\"1\" fill=\"#fff\"/>");
        for (var x = 0; x < width;)
        {
            if (!row[x, 0])
            {
                x++;
                continue;
            }
            var start = x;
            while (x < width && row[x, 0])
                x++;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{start}\" width=\"{x - start}\" height=\"1\" fill=\"#000\"/>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
