using System.Linq.Expressions;
using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Trees;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class LocationsApi
{
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

    public static Task<Results<Ok<Page<LocationDto>>, ValidationProblem>> ListLocations(CatalogDbContext db, string? search = null,
        string? includeArchived = null, string? pageSize = null, string? after = null, CancellationToken ct = default) =>
        TreeQueries.ListAsync(db.Locations, LocationDto.From, Matching, search, includeArchived, pageSize, after, ct);

    public static Task<Results<Ok<LocationDto>, ProblemHttpResult>> GetLocation(Guid id, CatalogDbContext db, CancellationToken ct) =>
        TreeQueries.GetAsync(db.Locations, id, LocationDto.From, AuditEntityTypes.Location, ct);

    // Every write takes an Idempotency-Key (the kit's IdempotentWrite): a retry or a double submit gets the first answer.
    public static Task<Results<Created<LocationDto>, Ok<LocationDto>, ValidationProblem, ProblemHttpResult>> CreateLocation(
        CreateLocationRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, LocationWriter locations, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request, Location, t => locations.CreateAsync(request, t), ct);

    public static Task<Results<Created<LocationDto>, Ok<LocationDto>, ValidationProblem, ProblemHttpResult>> UpdateLocation(
        Guid id, UpdateLocationRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, LocationWriter locations, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request, Location, t => locations.UpdateAsync(id, request, request.Version, t), ct, created: false);

    public static Task<Results<Created<LocationDto>, Ok<LocationDto>, ValidationProblem, ProblemHttpResult>> ArchiveLocation(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, LocationWriter locations, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => locations.SetArchivedAsync(id, true, t), ct, created: false);

    public static Task<Results<Created<LocationDto>, Ok<LocationDto>, ValidationProblem, ProblemHttpResult>> UnarchiveLocation(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, LocationWriter locations, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => locations.SetArchivedAsync(id, false, t), ct, created: false);

    /// <summary>What a search matches: the path (codes) or the name. The list and its CSV export share it.</summary>
    public static Expression<Func<Location, bool>> Matching(string pattern) =>
        l => EF.Functions.ILike(l.Path, pattern, "\\") || EF.Functions.ILike(l.Name, pattern, "\\") || EF.Functions.ILike(l.Barcode, pattern, "\\");

    private static string Location(LocationDto location) => $"/api/locations/{location.Id}";
}
