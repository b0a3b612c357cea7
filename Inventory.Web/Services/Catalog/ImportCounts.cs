namespace Inventory.Web.Services.Catalog;

public sealed record ImportCounts(int Created, int Updated, int Unchanged);
