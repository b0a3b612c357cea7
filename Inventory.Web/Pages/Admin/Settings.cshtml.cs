using Inventory.Web.Data;
using Inventory.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Pages.Admin;

/// <summary>Admins edit the company's name, address, currency and purchase-order terms (folder policy: Admin only), and see who changed them.</summary>
public sealed class SettingsModel(CompanySettingsStore settings, WebDbContext db, UserNames names) : ApiPageModel
{
    public const int HistorySize = 20;

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public AuditHistory? History { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = SettingsInput.From(await settings.GetAsync(ct));
        await LoadHistoryAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var currency = CurrencyCodes.Normalize(Input.Currency);
        if (currency is null && ModelState.IsValid)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Currency)}", CurrencyCodes.Message);
        if (ModelState.IsValid)
        {
            var saved = await settings.SaveAsync(Input.CompanyName!.Trim(), TextFields.Clean(Input.Address), currency!, TextFields.Clean(Input.Terms),
                Input.Version, FormKeys.OrNew(Input.IdempotencyKey), ct);
            if (saved == CompanySettingsStore.SaveResult.Saved)
                return RedirectWithMessage("Settings saved.", null);
            ModelState.AddModelError("", "Another administrator changed the settings meanwhile. Reload to see their change, then apply yours again.");
        }
        await LoadHistoryAsync(ct);
        return Page();
    }

    private async Task LoadHistoryAsync(CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == CompanySettings.EntityType)
            .OrderByDescending(e => e.Id).Take(HistorySize).ToListAsync(ct);
        await names.LoadAsync(entries.Select(e => e.UserId), ct);
        History = new AuditHistory("settings-history", entries.Select(AuditEntryDto.From).ToList(), null, names);
    }
}
