using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Apis;

public sealed record AuditEntryDto(long Id, string EntityType, Guid EntityId, string Action, string ChangedBy, DateTimeOffset ChangedAt,
    System.Text.Json.JsonElement? Before, System.Text.Json.JsonElement? After);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/audit", ListEntries).RequireAuthorization(Policies.Read).WithTags("Audit")
            .WithName("ListProcurementAudit").WithSummary("Who changed a supplier, supplier item or purchase order, when, before and after");
        return app;
    }

    public static async Task<Results<Ok<List<AuditEntryDto>>, ValidationProblem>> ListEntries(
        ProcurementDbContext db, string? entityType = null, Guid? entityId = null, CancellationToken ct = default)
    {
        if (entityId is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["entityId"] = ["Entity id is required."] });
        var query = db.Audit.AsNoTracking().Where(a => a.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(entityType))
            query = query.Where(a => a.EntityType == entityType);
        var entries = await query.OrderBy(a => a.ChangedAt).ThenBy(a => a.Id).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(a => new AuditEntryDto(a.Id, a.EntityType, a.EntityId, a.Action, a.ChangedBy, a.ChangedAt,
            Parse(a.Before), Parse(a.After))).ToList());
    }

    private static System.Text.Json.JsonElement? Parse(string? json) =>
        json is null ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
