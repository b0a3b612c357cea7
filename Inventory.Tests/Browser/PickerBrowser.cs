using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// Choosing in a searchable picker as a person does: its box clicked, part of the entry typed, the entry the server
/// found clicked. A form's pickers render only their chosen entry (issue 14), so selecting a hidden option is no longer possible.
/// </summary>
public static class PickerBrowser
{
    public static async Task ChooseAsync(this IPage page, string selectId, string typed, Guid value)
    {
        await page.ClickAsync($"#{selectId} + .ts-wrapper .ts-control");
        await page.Locator($"#{selectId}-ts-control").PressSequentiallyAsync(typed);
        await page.Locator($"#{selectId}-ts-dropdown .option[data-value='{value}']").ClickAsync();
        await Assertions.Expect(page.Locator($"#{selectId}")).ToHaveValueAsync(value.ToString());
    }
}
