using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Inventory.Web.TagHelpers;

/// <summary>
/// A <c>div.table-responsive</c> scrolls sideways on a phone; a keyboard can scroll it only if it can take focus
/// (WCAG 2.1.1; axe-core's scrollable-region-focusable). Every such box on every page becomes a focusable, named
/// region: its <c>aria-label</c> if the page gives one, else "Table".
/// </summary>
[HtmlTargetElement("div", Attributes = "class")]
public sealed class ScrollableTableTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("table-responsive"))
            return;
        if (!output.Attributes.ContainsName("tabindex"))
            output.Attributes.SetAttribute("tabindex", "0");
        if (!output.Attributes.ContainsName("role"))
            output.Attributes.SetAttribute("role", "region");
        if (!output.Attributes.ContainsName("aria-label") && !output.Attributes.ContainsName("aria-labelledby"))
            output.Attributes.SetAttribute("aria-label", "Table");
    }
}
