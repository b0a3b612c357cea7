using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Trees;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
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
        TreeQueries.ListAsync(db.Locations, LocationDto.From,
            pattern => l => EF.Functions.ILike(l.Path, pattern, "\\") || EF.Functions.ILike(l.Name, pattern, "\\"),
            search, includeArchived, pageSize, after, ct);

    public static Task<Results<Ok<LocationDto>, ProblemHttpResult>> GetLocation(Guid id, CatalogDbContext db, CancellationToken ct) =>
        TreeQueries.GetAsync(db.Locations, id, LocationDto.From, AuditEntityTypes.Location, ct);

    public static async Task<Results<Created<LocationDto>, ProblemHttpResult>> CreateLocation(
        CreateLocationRequest request, LocationWriter locations, CancellationToken ct) =>
        (await locations.CreateAsync(request, ct)).ToCreated(l => $"/api/locations/{l.Id}");

    public static async Task<Results<Ok<LocationDto>, ProblemHttpResult>> UpdateLocation(
        Guid id, UpdateLocationRequest request, LocationWriter locations, CancellationToken ct) =>
        (await locations.UpdateAsync(id, request, request.Version, ct)).ToOk();

    public static async Task<Results<Ok<LocationDto>, ProblemHttpResult>> ArchiveLocation(Guid id, LocationWriter locations, CancellationToken ct) =>
        (await locations.SetArchivedAsync(id, true, ct)).ToOk();

    public static async Task<Results<Ok<LocationDto>, ProblemHttpResult>> UnarchiveLocation(Guid id, LocationWriter locations, CancellationToken ct) =>
        (await locations.SetArchivedAsync(id, false, ct)).ToOk();
}
