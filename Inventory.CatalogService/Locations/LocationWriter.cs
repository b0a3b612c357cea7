using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Trees;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Locations;

public sealed class LocationWriter(CatalogDbContext db, MasterDataChanges changes)
    : TreeWriter<Location, CreateLocationRequest, LocationDto>(db, changes)
{
    protected override string What => AuditEntityTypes.Location;
    protected override string CycleMessage => "A location cannot be moved inside itself or one of its bins.";
    protected override string ActiveChildrenMessage => "The location has active bins: archive or move them first.";

    protected override Dictionary<string, string[]> Validate(CreateLocationRequest request) => LocationRules.Validate(request);

    protected override Location New() => new() { Code = "", Name = "", Kind = "" };

    protected override void Apply(Location node, CreateLocationRequest request)
    {
        node.Code = request.Code!.Trim();
        node.Barcode = Barcodes.Normalize(request.Barcode) ?? node.Code;
        node.Name = request.Name!.Trim();
        node.Kind = request.Kind!.Trim().ToLowerInvariant();
        node.AllowsNegative = request.AllowsNegative ?? node.AllowsNegative;
    }

    protected override LocationDto ToDto(Location node) => LocationDto.From(node);

    protected override ProblemHttpResult Taken(Location node, string? constraint) => constraint == LocationConfiguration.BarcodeIndex
        ? Problems.Conflict("barcode", $"A location with barcode '{node.Barcode}' already exists.")
        : Problems.Conflict("code", $"A location with code '{node.Code}' already exists.");

    protected override async Task<ProblemHttpResult?> ArchiveProblemAsync(Location node, CancellationToken ct)
    {
        // FOR UPDATE: a movement reads its location FOR SHARE, so it either commits before the stock is counted
        // below, or waits and then sees the archive.
        await Db.Database.ExecuteSqlAsync($"SELECT FROM locations WHERE id = {node.Id} FOR UPDATE", ct);
        var stocked = await Db.StockLevels.CountAsync(s => s.LocationId == node.Id && s.OnHand != 0, ct);
        return stocked == 0 ? null
            : Problems.Conflict("id", $"{stocked} item(s) still have stock here: move or adjust it to zero first.",
                new Dictionary<string, object?> { ["stockedItems"] = stocked });
    }

    protected override async Task<ProblemHttpResult?> AfterEditAsync(Location node, IReadOnlyDictionary<string, object?> before, CancellationToken ct)
    {
        if (Equals(before["allowsNegative"], node.AllowsNegative))
            return null;
        try
        {
            // Each stock level carries its location's flag for the CHECK, which refuses this while stock here is below zero.
            var allows = node.AllowsNegative;
            await Db.StockLevels.Where(s => s.LocationId == node.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.AllowsNegative, allows), ct);
            return null;
        }
        catch (Exception ex) when (ex.IsCheckViolation("ck_stock_levels_not_negative"))
        {
            return Problems.Conflict("allowsNegative", "Stock at this location is below zero: bring it to zero or more first.");
        }
    }
}
