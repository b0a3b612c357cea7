using System.Globalization;
using System.Xml.Linq;
using ZXing.Common;
using ZXing.OneD;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Reads a label's Code 128 symbol back: the modules are rebuilt from the SVG's bars (x and width in modules, the view
/// box's width the row's) and decoded by ZXing's Code128Reader, as a scanner's row of pixels would be.
/// </summary>
public static class SvgBarcode
{
    public static string Decode(string svg)
    {
        var root = XElement.Parse(svg);
        var width = int.Parse(root.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
        var row = new BitArray(width);
        foreach (var bar in root.Elements().Where(e => e.Name.LocalName == "rect" && e.Attribute("fill")?.Value == "#000"))
        {
            var x = int.Parse(bar.Attribute("x")!.Value, CultureInfo.InvariantCulture);
            var bars = int.Parse(bar.Attribute("width")!.Value, CultureInfo.InvariantCulture);
            row.setRange(x, x + bars);
        }
        return new Code128Reader().decodeRow(0, row, null)?.Text ?? throw new InvalidOperationException("The symbol does not decode.");
    }
}
