using Inventory.Tests.Infrastructure;
using Inventory.Web.Labels;

namespace Inventory.Tests.Unit;

public sealed class BarcodeSvgTests
{
    [Theory]
    [InlineData("BOLT-M6")]
    [InlineData("4006381333931")] // digits: Code 128's code set C
    [InlineData("wh1.a-01_x/9")]
    [InlineData("A")]
    public void A_code_128_symbol_decodes_back_to_its_code(string code)
    {
        var svg = BarcodeSvg.Code128(code, code).ToString()!;

        Assert.Equal(code, SvgBarcode.Decode(svg));
        Assert.DoesNotContain("style", svg); // the CSP allows no inline style
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("Ä", false)]
    [InlineData("A B", true)]
    public void Only_printable_ascii_is_drawn(string code, bool drawn) => Assert.Equal(drawn, BarcodeSvg.CanEncode(code));
}
