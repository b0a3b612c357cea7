using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Settings;

/// <summary>
/// Reads the company settings once per request (every page showing money needs the currency) and saves an Admin's
/// change: against the version the form was read at, audited in the same SaveChanges, replay-safe by the form's key.
/// </summary>
public sealed class CompanySettingsStore(WebDbContext db, AuditTrail audit, TimeProvider clock)
{
    private CompanySettings? _current;

    /// <summary>The settings (defaults if the row is missing: a database restored from before they existed).</summary>
    public async Task<CompanySettings> GetAsync(CancellationToken ct = default) =>
        _current ??= await db.CompanySettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == CompanySettings.SingletonId, ct)
            ?? new CompanySettings();

    /// <summary>The currency of the company's own money, for <c>Format.Money</c>.</summary>
    public async Task<string> CurrencyAsync(CancellationToken ct = default) => (await GetAsync(ct)).Currency;

    public enum SaveResult { Saved, Stale }

    public async Task<SaveResult> SaveAsync(string companyName, string? address, string currency, string? terms, uint version,
        string idempotencyKey, CancellationToken ct)
    {
        var row = await db.CompanySettings.FirstOrDefaultAsync(s => s.Id == CompanySettings.SingletonId, ct);
        if (row is null)
        {
            row = new CompanySettings();
            db.CompanySettings.Add(row);
        }
        else if (row.LastSaveKey == idempotencyKey)
            return SaveResult.Saved; // this very form was saved already: its answer got lost, the change did not
        else
            db.Entry(row).Property(s => s.Version).OriginalValue = version;

        var before = db.Entry(row).State == EntityState.Added ? null : row.AuditFields();
        (row.CompanyName, row.Address, row.Currency, row.Terms) = (companyName, address, currency, terms);
        row.UpdatedAt = clock.GetUtcNow();
        row.LastSaveKey = idempotencyKey;
        audit.Record(db, CompanySettings.EntityType, CompanySettings.AuditId, before is null ? AuditActions.Create : AuditActions.Update,
            before, row.AuditFields());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) // a concurrency conflict, or another admin's first insert of the row
        {
            db.ChangeTracker.Clear();
            return SaveResult.Stale;
        }
        _current = null;
        return SaveResult.Saved;
    }
}
