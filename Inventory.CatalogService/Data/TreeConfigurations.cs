using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.CatalogService.Data;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("categories");
        category.Property(c => c.Name).HasMaxLength(CategoryRules.NameMaxLength);
        category.Property(c => c.NameNormalized).HasMaxLength(CategoryRules.NameMaxLength).HasComputedColumnSql("upper(name)", stored: true);
        category.HasVersion();
        category.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        // Sibling names are unique regardless of case; roots are siblings too (NULLS NOT DISTINCT).
        category.HasIndex(c => new { c.ParentId, c.NameNormalized }).IsUnique().AreNullsDistinct(false);
        category.HasIndex(c => c.PathIds).HasOperators("text_pattern_ops");
        category.HasIndex(c => new { c.Path, c.Id });
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public const string BarcodeIndex = "ix_locations_barcode";

    public void Configure(EntityTypeBuilder<Location> location)
    {
        location.ToTable("locations", table =>
            table.HasCheckConstraint("ck_locations_kind", SqlText.In("kind", LocationKinds.All)));
        location.Property(l => l.Code).HasMaxLength(LocationRules.CodeMaxLength);
        location.Property(l => l.CodeNormalized).HasMaxLength(LocationRules.CodeMaxLength).HasComputedColumnSql("upper(code)", stored: true);
        location.Property(l => l.Barcode).HasMaxLength(Barcodes.MaxLength);
        location.Property(l => l.BarcodeNormalized).HasMaxLength(Barcodes.MaxLength).HasComputedColumnSql("upper(barcode)", stored: true);
        location.Property(l => l.Name).HasMaxLength(LocationRules.NameMaxLength);
        location.Property(l => l.Kind).HasMaxLength(16);
        location.HasVersion();
        location.HasOne<Location>().WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Restrict);
        location.HasIndex(l => l.CodeNormalized).IsUnique();
        // Unique regardless of case among locations, so a scanned label names one place (item codes may equal it: docs/floor.md).
        location.HasIndex(l => l.BarcodeNormalized).IsUnique().HasDatabaseName(BarcodeIndex);
        location.HasIndex(l => l.PathIds).HasOperators("text_pattern_ops");
        location.HasIndex(l => new { l.Path, l.Id });
    }
}
