using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/audit", ListAudit).WithTags("Audit").WithName("ListAudit")
            .WithSummary("The audit trail of items, categories and locations, newest first")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem>> ListAudit(
        CatalogDbContext db, string? entityType = null, string? entityId = null, string? pageSize = null, string? after = null,
        CancellationToken ct = default)
    {
        PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors);
        var type = string.IsNullOrWhiteSpace(entityType) ? null : QueryValues.OneOf(errors, "entityType", entityType, "", AuditEntityTypes.All);
        var id = QueryValues.Guid(errors, "entityId", entityId);
        if (id is not null && type is null)
            errors["entityType"] = ["Name the entity type along with the entity id."];
        long? afterId = null;
        if (afterKey is not null)
        {
            if (Cursor.TryDecode(afterKey, "id", 1, out var key) && long.TryParse(key[0], out var parsed))
                afterId = parsed;
            else
                errors["after"] = Cursor.Invalid()["after"];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.AuditEntries.AsNoTracking();
        if (type is not null)
            query = query.Where(e => e.EntityType == type);
        if (id is not null)
            query = query.Where(e => e.EntityId == id);
        if (afterId is not null)
            query = query.Where(e => e.Id < afterId);
        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? Cursor.Encode("id", rows[size - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<AuditEntryDto>(rows.Take(size).Select(AuditEntryDto.From).ToList(), next));
    }
}
