using System.Globalization;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// <c>GET api/audit</c>, the same in every service: the audit trail newest first, filtered by entity type and id,
/// a keyset page at a time.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi<TContext>(this IEndpointRouteBuilder app, params string[] entityTypes)
        where TContext : DbContext, IAuditedDbContext
    {
        // The context is resolved by hand: the route-handler analyzer fails on a lambda parameter of a generic type.
        app.MapGet("api/audit", (HttpContext http, string? entityType, string? entityId, string? pageSize, string? after, CancellationToken ct) =>
                ListAudit(http.RequestServices.GetRequiredService<TContext>(), entityTypes, entityType, entityId, pageSize, after, ct))
            .WithTags("Audit").WithName("ListAudit")
            .WithSummary($"The audit trail of {string.Join(", ", entityTypes)}: who changed what, when, each field before and after; newest first")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem>> ListAudit(IAuditedDbContext db, string[] entityTypes,
        string? entityType, string? entityId, string? pageSize, string? after, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, "id", 1, out var afterKey);
        var type = string.IsNullOrWhiteSpace(entityType) ? null : QueryValues.OneOf(errors, "entityType", entityType, "", entityTypes);
        var id = QueryValues.Guid(errors, "entityId", entityId);
        if (id is not null && type is null)
            errors["entityType"] = ["Name the entity type along with the entity id."];
        long? afterId = null;
        if (afterKey is not null)
        {
            if (long.TryParse(afterKey[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                afterId = parsed;
            else
                errors["after"] = [Paging.InvalidCursor];
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
        return TypedResults.Ok(Paging.ToPage(rows, size, AuditEntryDto.From, "id", e => [e.Id.ToString(CultureInfo.InvariantCulture)]));
    }
}
