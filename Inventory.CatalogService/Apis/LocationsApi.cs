using Inventory.CatalogService.Audit;
using System.Security.Claims;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Trees;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class LocationsApi
{
    private const string Table = "locations";

    public static IEndpointRouteBuilder MapLocationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/locations").WithTags("Locations");
        api.MapGet("/", ListLocations).WithName("ListLocations").WithSummary("Lists warehouses and bins by path, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetLocation).WithName("GetLocation").WithSummary("One location")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateLocation).WithName("CreateLocation").WithSummary("Creates a warehouse or a bin")
            .RequireAuthorization(Policies.Manage);
        api.MapPut("/{id:guid}", UpdateLocation).WithName("UpdateLocation").WithSummary("Changes or moves a location")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/archive", ArchiveLocation).WithName("ArchiveLocation").WithSummary("Archives an empty location")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/unarchive", UnarchiveLocation).WithName("UnarchiveLocation").WithSummary("Restores an archived location")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static async Task<Results<Ok<Page<LocationDto>>, ValidationProblem>> ListLocations(
        CatalogDbContext db, string? search = null, string? pageSize = null, string? after = null, bool includeArchived = false,
        CancellationToken ct = default)
    {
        if (!PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors))
            return TypedResults.ValidationProblem(errors);
        string[] key = [];
        if (afterKey is not null && !Cursor.TryDecode(afterKey, "path", 2, out key))
            return TypedResults.ValidationProblem(Cursor.Invalid());

        var query = db.Locations.AsNoTracking();
        if (!includeArchived)
            query = query.Where(l => !l.IsArchived);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Paging.EscapeLike(search.Trim())}%";
            query = query.Where(l => EF.Functions.ILike(l.Path, pattern, "\\") || EF.Functions.ILike(l.Name, pattern, "\\"));
        }
        if (key.Length == 2)
        {
            if (!Guid.TryParse(key[1], out var afterId))
                return TypedResults.ValidationProblem(Cursor.Invalid());
            query = query.Where(l => EF.Functions.GreaterThan(ValueTuple.Create(l.Path, l.Id), ValueTuple.Create(key[0], afterId)));
        }
        var rows = await query.OrderBy(l => l.Path).ThenBy(l => l.Id).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? Cursor.Encode("path", rows[size - 1].Path, rows[size - 1].Id.ToString()) : null;
        return TypedResults.Ok(new Page<LocationDto>(rows.Take(size).Select(LocationDto.From).ToList(), next));
    }

    public static async Task<Results<Ok<LocationDto>, NotFound>> GetLocation(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return location is null ? TypedResults.NotFound() : TypedResults.Ok(LocationDto.From(location));
    }

    public static async Task<Results<Created<LocationDto>, ValidationProblem, ProblemHttpResult>> CreateLocation(
        CreateLocationRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = LocationRules.Validate(request.Code, request.Name, request.Kind, request.ParentId);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return await db.InTransactionAsync<Results<Created<LocationDto>, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            await TreeSql.LockAsync(db, Table, ct);
            Location? parent = null;
            if (request.ParentId is { } parentId)
            {
                parent = await db.Locations.FirstOrDefaultAsync(l => l.Id == parentId, ct);
                if (ParentProblem(parent, null) is { } problem)
                    return problem;
            }
            var now = clock.GetUtcNow();
            var code = request.Code!.Trim();
            var location = new Location
            {
                Code = code,
                Name = request.Name!.Trim(),
                Kind = request.Kind!.Trim().ToLowerInvariant(),
                ParentId = parent?.Id,
                AllowsNegative = request.AllowsNegative ?? false,
                CreatedAt = now,
                UpdatedAt = now,
            };
            SetPath(location, parent);
            db.Locations.Add(location);
            db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Location, location.Id, AuditActions.Create, Caller.Id(user), now, null, location.AuditFields()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return Problems.Conflict("code", $"A location with code '{code}' already exists.");
            }
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/locations/{location.Id}", LocationDto.From(location));
        }, ct);
    }

    public static async Task<Results<Ok<LocationDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateLocation(
        Guid id, UpdateLocationRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = LocationRules.Validate(request.Code, request.Name, request.Kind, request.ParentId);
        if (request.Version is null)
            errors["version"] = ["The version you read is required (optimistic concurrency)."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return await db.InTransactionAsync<Results<Ok<LocationDto>, NotFound, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            await TreeSql.LockAsync(db, Table, ct);
            var location = await db.Locations.FirstOrDefaultAsync(l => l.Id == id, ct);
            if (location is null)
                return TypedResults.NotFound();
            if (location.Version != request.Version)
                return Problems.StaleVersion("location");
            Location? parent = null;
            if (request.ParentId is { } parentId)
            {
                parent = await db.Locations.FirstOrDefaultAsync(l => l.Id == parentId, ct);
                if (parent is not null && TreeRules.WouldCreateCycle(id, parentId, parent.PathIds))
                    return Problems.Conflict("parentId", "A location cannot be moved inside itself or one of its bins.");
                if (ParentProblem(parent, location.ParentId) is { } problem)
                    return problem;
            }
            var before = location.AuditFields();
            var code = request.Code!.Trim();
            var moved = location.ParentId != parent?.Id || location.Code != code;
            var allowsNegative = request.AllowsNegative ?? location.AllowsNegative;
            var negativeChanged = allowsNegative != location.AllowsNegative;
            location.Code = code;
            location.Name = request.Name!.Trim();
            location.Kind = request.Kind!.Trim().ToLowerInvariant();
            location.ParentId = parent?.Id;
            location.AllowsNegative = allowsNegative;
            SetPath(location, parent);
            var now = clock.GetUtcNow();
            var audit = AuditDiff.Entry(AuditEntityTypes.Location, id, AuditActions.Update, Caller.Id(user), now, before, location.AuditFields());
            if (audit.Changes != "{}")
            {
                location.UpdatedAt = now;
                location.Version++;
                db.AuditEntries.Add(audit);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                if (moved)
                    await TreeSql.RecomputeSubtreeAsync(db, Table, "code", id, ct);
                if (negativeChanged)
                {
                    // The CHECK on stock_levels refuses this when stock here is already below zero.
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"UPDATE stock_levels SET allows_negative = {allowsNegative} WHERE location_id = {id}", ct);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.StaleVersion("location");
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return Problems.Conflict("code", $"A location with code '{code}' already exists.");
            }
            catch (Exception ex) when (ex.IsCheckViolation("ck_stock_levels_not_negative"))
            {
                return Problems.Conflict("allowsNegative", "Stock at this location is below zero: bring it to zero or more first.");
            }
            await tx.CommitAsync(ct);
            return TypedResults.Ok(LocationDto.From(location));
        }, ct);
    }

    public static Task<Results<Ok<LocationDto>, NotFound, ProblemHttpResult>> ArchiveLocation(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        SetArchived(id, true, db, user, clock, ct);

    public static Task<Results<Ok<LocationDto>, NotFound, ProblemHttpResult>> UnarchiveLocation(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        SetArchived(id, false, db, user, clock, ct);

    private static Task<Results<Ok<LocationDto>, NotFound, ProblemHttpResult>> SetArchived(
        Guid id, bool archived, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<LocationDto>, NotFound, ProblemHttpResult>>(async tx =>
        {
            await TreeSql.LockAsync(db, Table, ct);
            // FOR UPDATE: a movement checks the location FOR SHARE, so it either sees the archive or completes before it.
            var location = await db.Locations.FromSql($"SELECT * FROM locations WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
            if (location is null)
                return TypedResults.NotFound();
            if (location.IsArchived == archived)
                return TypedResults.Ok(LocationDto.From(location));
            if (archived)
            {
                if (await db.Locations.AnyAsync(l => l.ParentId == id && !l.IsArchived, ct))
                    return Problems.Conflict("id", "The location has active bins: archive or move them first.");
                var stocked = await db.StockLevels.CountAsync(s => s.LocationId == id && s.OnHand != 0, ct);
                if (stocked > 0)
                    return Problems.Conflict("id", $"{stocked} item(s) still have stock here: move or adjust it to zero first.",
                        new Dictionary<string, object?> { ["stockedItems"] = stocked });
            }
            else if (location.ParentId is { } parentId && await db.Locations.AnyAsync(l => l.Id == parentId && l.IsArchived, ct))
            {
                return Problems.Conflict("parentId", "The parent location is archived: restore it first.");
            }

            var before = location.AuditFields();
            var now = clock.GetUtcNow();
            location.IsArchived = archived;
            location.UpdatedAt = now;
            location.Version++;
            db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Location, id, archived ? AuditActions.Archive : AuditActions.Unarchive,
                Caller.Id(user), now, before, location.AuditFields()));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TypedResults.Ok(LocationDto.From(location));
        }, ct);

    private static ProblemHttpResult? ParentProblem(Location? parent, Guid? currentParentId)
    {
        if (parent is null)
            return Problems.Unprocessable("parentId", "No such location.");
        if (parent.Kind != LocationKinds.Warehouse && parent.Kind != LocationKinds.Bin)
            return Problems.Invalid("parentId", "The parent must be a warehouse or a bin.");
        if (parent.IsArchived && parent.Id != currentParentId)
            return Problems.Conflict("parentId", "The parent location is archived.");
        if (parent.Depth >= TreeRules.MaxDepth)
            return Problems.Invalid("parentId", $"Locations nest at most {TreeRules.MaxDepth} levels deep.");
        return null;
    }

    private static void SetPath(Location location, Location? parent)
    {
        location.PathIds = TreeRules.PathIds(parent?.PathIds, location.Id);
        location.Path = parent is null ? location.Code : $"{parent.Path} / {location.Code}";
        location.Depth = (parent?.Depth ?? 0) + 1;
    }
}
