using Inventory.ProcurementService.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ProcurementService.Data;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> supplier)
    {
        supplier.ToTable("suppliers", table =>
            table.HasCheckConstraint("ck_suppliers_lead_time_not_negative", "lead_time_days >= 0"));
        supplier.Property(s => s.Name).HasMaxLength(SupplierRules.NameMaxLength);
        supplier.Property(s => s.NameNormalized).HasMaxLength(SupplierRules.NameMaxLength)
            .HasComputedColumnSql("upper(name)", stored: true);
        supplier.Property(s => s.ContactName).HasMaxLength(SupplierRules.ShortTextMaxLength);
        supplier.Property(s => s.Email).HasMaxLength(SupplierRules.EmailMaxLength);
        supplier.Property(s => s.Phone).HasMaxLength(40);
        supplier.Property(s => s.Address).HasMaxLength(SupplierRules.LongTextMaxLength);
        supplier.Property(s => s.Website).HasMaxLength(SupplierRules.ShortTextMaxLength);
        supplier.Property(s => s.PaymentTerms).HasMaxLength(SupplierRules.ShortTextMaxLength);
        supplier.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        supplier.Property(s => s.Notes).HasMaxLength(SupplierRules.LongTextMaxLength);
        supplier.HasVersion();

        // Unique name regardless of case; also the keyset order of the supplier list.
        supplier.HasIndex(s => s.NameNormalized).IsUnique();
    }
}
