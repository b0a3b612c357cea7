using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inventory.ProcurementService.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service or a database.</summary>
internal sealed class ProcurementDbContextFactory : IDesignTimeDbContextFactory<ProcurementDbContext>
{
    public ProcurementDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ProcurementDbContext>()
        .UseNpgsql("Host=localhost;Database=procurementdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
