using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Suppliers;

/// <summary>Creates and changes suppliers, each change audited in the same save. Runs inside the caller's transaction.</summary>
public sealed class SupplierService(ProcurementDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<SupplierDto>> CreateAsync(SupplierRequest request, CancellationToken ct)
    {
        var now = clock.DatabaseNow();
        var supplier = new Supplier { Name = "", Currency = SupplierRules.DefaultCurrency, CreatedAt = now };
        Apply(supplier, request, now);
        audit.Add(db, supplier, AuditEntityTypes.Supplier);
        return await SaveAsync(supplier, ct);
    }

    public async Task<Outcome<SupplierDto>> UpdateAsync(Guid id, SupplierRequest request, CancellationToken ct)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
            return Problems.NotFound("supplier");
        return await ChangeAsync(supplier, request.Version!.Value, AuditActions.Update,
            s => Apply(s, request, clock.DatabaseNow()), ct);
    }

    /// <summary>Archives or restores; asking for the state it is already in changes nothing.</summary>
    public async Task<Outcome<SupplierDto>> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
            return Problems.NotFound("supplier");
        if (supplier.IsArchived == archived)
            return SupplierDto.From(supplier);
        return await ChangeAsync(supplier, supplier.Version, archived ? AuditActions.Archive : AuditActions.Unarchive, s =>
        {
            s.IsArchived = archived;
            s.UpdatedAt = clock.DatabaseNow();
        }, ct);
    }

    private async Task<Outcome<SupplierDto>> ChangeAsync(Supplier supplier, int readVersion, string action, Action<Supplier> change,
        CancellationToken ct) =>
        audit.TryChange(db, supplier, readVersion, AuditEntityTypes.Supplier, action, change)
            ? await SaveAsync(supplier, ct)
            : Problems.StaleVersion("supplier");

    private async Task<Outcome<SupplierDto>> SaveAsync(Supplier supplier, CancellationToken ct) =>
        await db.TrySaveAsync("supplier", ct, _ => Problems.Conflict("name", "A supplier with this name already exists.")) is { } problem
            ? problem
            : SupplierDto.From(supplier);

    private static void Apply(Supplier supplier, SupplierRequest request, DateTimeOffset now)
    {
        supplier.Name = request.Name!.Trim();
        supplier.ContactName = TextFields.Clean(request.ContactName);
        supplier.Email = TextFields.Clean(request.Email);
        supplier.Phone = TextFields.Clean(request.Phone);
        supplier.Address = TextFields.Clean(request.Address);
        supplier.Website = TextFields.Clean(request.Website);
        supplier.PaymentTerms = TextFields.Clean(request.PaymentTerms);
        supplier.LeadTimeDays = request.LeadTimeDays ?? 0;
        supplier.Currency = TextFields.Clean(request.Currency)?.ToUpperInvariant() ?? SupplierRules.DefaultCurrency;
        supplier.Notes = TextFields.Clean(request.Notes);
        supplier.UpdatedAt = now;
    }
}
