using Inventory.Web.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Data;

/// <summary>Web's own data: users, their audit trail, and the data-protection keys that sign cookies.</summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<UserAuditEntry> UserAudit => Set<UserAuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Email).HasMaxLength(254);
            user.HasIndex(u => u.Email).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Role).HasMaxLength(20);
            user.Property(u => u.Version).IsRowVersion();
        });
        modelBuilder.Entity<UserAuditEntry>(entry =>
        {
            entry.ToTable("user_audit");
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.ChangedBy).HasMaxLength(254);
            entry.Property(e => e.Before).HasColumnType("jsonb");
            entry.Property(e => e.After).HasColumnType("jsonb");
            entry.HasIndex(e => new { e.UserId, e.ChangedAt });
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
