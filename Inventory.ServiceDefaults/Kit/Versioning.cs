using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>An entity edited under optimistic concurrency: clients send back the version they read.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// Optimistic concurrency, one way: an integer <c>version</c> column that is the EF concurrency token. Saving a
/// change to a versioned entity runs <c>UPDATE … WHERE id = @id AND version = @read</c>, so of two writers that read
/// the same version exactly one wins and the other gets the stale-version 409.
/// </summary>
public static class Versioning
{
    /// <summary>
    /// Claims the next version for a change, if <paramref name="entity"/> is still at the version the caller read
    /// (false: it is not, answer <see cref="Problems.StaleVersion"/>). Saving then refuses the change if
    /// anyone else saved the entity in between.
    /// </summary>
    public static bool TryAdvance<T>(this DbContext db, T entity, int read) where T : class, IVersioned
    {
        if (entity.Version != read)
            return false;
        db.Entry(entity).Property(e => e.Version).OriginalValue = read;
        entity.Version = read + 1;
        return true;
    }

    public static PropertyBuilder<int> HasVersion<T>(this EntityTypeBuilder<T> entity) where T : class, IVersioned =>
        entity.Property(e => e.Version).HasDefaultValue(1).IsConcurrencyToken();
}
