using System.Globalization;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults.Kit;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The ledger as people search it, newest first: by item, location (with the locations under it), type, user,
/// reference and time range. The list pages by (occurredAt, seq) from its index; the export writes every row the
/// same filters select.
/// </summary>
public sealed record MovementListQuery(Guid? ItemId, Guid? LocationId, string? Type, string? UserId, string? Reference, Guid? OperationId,
    DateTimeOffset? From, DateTimeOffset? To)
{
    public const string Ordering = "occurredAt:desc";

    /// <summary>Reads the query values; a bad one is an error naming it.</summary>
    public static MovementListQuery Read(Dictionary<string, string[]> errors, string? itemId, string? locationId, string? type, string? userId,
        string? reference, string? operationId, string? from, string? to)
    {
        var query = new MovementListQuery(
            QueryValues.Guid(errors, "itemId", itemId),
            QueryValues.Guid(errors, "locationId", locationId),
            string.IsNullOrWhiteSpace(type) ? null : QueryValues.OneOf(errors, "type", type, "", MovementTypes.All),
            QueryValues.Text(errors, "userId", userId),
            QueryValues.Text(errors, "reference", reference),
            QueryValues.Guid(errors, "operationId", operationId),
            QueryValues.Time(errors, "from", from),
            QueryValues.Time(errors, "to", to));
        if (query.From > query.To)
            errors["to"] = ["Must not be before 'from'."];
        return query;
    }

    /// <summary>The movements the filters select (unordered); null when the location does not exist.</summary>
    public async Task<IQueryable<Movement>?> FilterAsync(CatalogDbContext db, CancellationToken ct)
    {
        var movements = db.Movements.AsNoTracking();
        if (ItemId is { } item)
            movements = movements.Where(m => m.ItemId == item);
        if (LocationId is { } locationId)
        {
            var prefix = await db.Locations.Where(l => l.Id == locationId).Select(l => l.PathIds).FirstOrDefaultAsync(ct);
            if (prefix is null)
                return null;
            var locationIds = await db.Locations.Where(l => EF.Functions.Like(l.PathIds, prefix + "%")).Select(l => l.Id).ToListAsync(ct);
            movements = movements.Where(m => locationIds.Contains(m.LocationId));
        }
        if (OperationId is { } operation)
            movements = movements.Where(m => m.OperationId == operation);
        if (Type is { } type)
            movements = movements.Where(m => m.Type == type);
        if (UserId is { } user)
            movements = movements.Where(m => m.UserId == user);
        if (Reference is { } reference)
            movements = movements.Where(m => m.Reference != null && EF.Functions.ILike(m.Reference, Paging.ContainsPattern(reference), "\\"));
        if (From is { } from)
            movements = movements.Where(m => m.OccurredAt >= from);
        if (To is { } to)
            movements = movements.Where(m => m.OccurredAt < to);
        return movements;
    }

    /// <summary>Newest first, each with the item and location it is about.</summary>
    public static IQueryable<LedgerRow> Rows(CatalogDbContext db, IQueryable<Movement> movements) =>
        from m in movements
        join i in db.Items on m.ItemId equals i.Id
        join l in db.Locations on m.LocationId equals l.Id
        orderby m.OccurredAt descending, m.Seq descending
        select new LedgerRow(m, i.Sku, i.Name, i.Unit, l.Code, l.Path);

    /// <summary>One page after <paramref name="afterKey"/> (occurredAt, seq); null when the cursor is not one of ours.</summary>
    public async Task<Page<LedgerRowDto>?> PageAsync(CatalogDbContext db, int size, string[]? afterKey, CancellationToken ct)
    {
        var (afterAt, afterSeq) = (default(DateTimeOffset), 0L);
        if (afterKey is not null && !(Cursors.TryTime(afterKey[0], out afterAt) && long.TryParse(afterKey[1], CultureInfo.InvariantCulture, out afterSeq)))
            return null;
        if (await FilterAsync(db, ct) is not { } movements)
            return new Page<LedgerRowDto>([], null);
        if (afterKey is not null)
            movements = movements.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.OccurredAt, m.Seq), ValueTuple.Create(afterAt, afterSeq)));
        var page = await Rows(db, movements).Take(size + 1).ToListAsync(ct);
        return Paging.ToPage(page, size, r => r.ToDto(), Ordering,
            r => [Cursors.Time(r.Movement.OccurredAt), r.Movement.Seq.ToString(CultureInfo.InvariantCulture)]);
    }
}

/// <summary>A movement with the item and location it is about, as the ledger list reads it.</summary>
public sealed record LedgerRow(Movement Movement, string Sku, string ItemName, string Unit, string LocationCode, string LocationPath)
{
    public LedgerRowDto ToDto() => new(MovementDto.From(Movement), Sku, ItemName, Unit, LocationCode, LocationPath);
}
