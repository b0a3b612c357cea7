using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.CatalogService.Apis;

public static class CountsApi
{
    public static IEndpointRouteBuilder MapCountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/counts").WithTags("Counts");
        api.MapGet("/", ListCounts).WithName("ListCounts").WithSummary("Cycle counts, newest first, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetCount).WithName("GetCount")
            .WithSummary("A count with its lines and variances (expected quantities hidden from Clerks while a blind count is open)")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", OpenCount).WithName("OpenCount").WithSummary("Opens a count of a location, snapshotting expected quantities")
            .RequireAuthorization(Policies.Operate);
        api.MapPut("/{id:guid}/lines", RecordCounts).WithName("RecordCounts").WithSummary("Records counted quantities")
            .RequireAuthorization(Policies.Operate);
        api.MapPost("/{id:guid}/post", PostCount).WithName("PostCount").WithSummary("Books the variances as count movements, atomically")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/cancel", CancelCount).WithName("CancelCount").WithSummary("Cancels an open count; nothing is booked")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static Task<Results<Ok<Page<CountSummaryDto>>, ValidationProblem>> ListCounts(CatalogDbContext db, string? locationId = null,
        string? status = null, string? pageSize = null, string? after = null, CancellationToken ct = default) =>
        CountQueries.ListAsync(db, locationId, status, pageSize, after, ct);

    public static async Task<Results<Ok<CountSessionDto>, ProblemHttpResult>> GetCount(Guid id, CatalogDbContext db, CountService counts,
        CancellationToken ct) =>
        await CountQueries.LoadAsync(db, id, counts.HidesExpected, ct) is { } session ? TypedResults.Ok(session) : Problems.NotFound("count");

    public static Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> OpenCount(
        OpenCountRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CountService counts,
        CancellationToken ct) =>
        counts.OpenAsync(request, idempotencyKey, ct);

    public static Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> RecordCounts(
        Guid id, RecordCountsRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CountService counts,
        CancellationToken ct) =>
        counts.RecordAsync(id, request, idempotencyKey, ct);

    public static Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> PostCount(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CountService counts, CancellationToken ct) =>
        counts.PostAsync(id, idempotencyKey, ct);

    public static Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> CancelCount(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, CountService counts,
        HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, c => $"/api/counts/{c.Id}", t => counts.CancelAsync(id, t), ct, created: false);
}
