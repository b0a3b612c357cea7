using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Web.Settings;

public sealed class CompanySettingsConfiguration : IEntityTypeConfiguration<CompanySettings>
{
    public void Configure(EntityTypeBuilder<CompanySettings> settings)
    {
        settings.ToTable("company_settings", t => t.HasCheckConstraint("ck_company_settings_singleton", $"id = {CompanySettings.SingletonId}"));
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.CompanyName).HasMaxLength(CompanySettings.NameLength);
        settings.Property(s => s.Address).HasMaxLength(CompanySettings.AddressLength);
        settings.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        settings.Property(s => s.Terms).HasMaxLength(CompanySettings.TermsLength);
        settings.Property(s => s.LastSaveKey).HasMaxLength(100);
        settings.Property(s => s.Version).IsRowVersion();
        // The one row exists from the start, so every save is an update against a version.
        settings.HasData(new CompanySettings { Id = CompanySettings.SingletonId, CompanyName = "", Currency = CompanySettings.DefaultCurrency });
    }
}
