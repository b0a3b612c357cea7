using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inventory.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or a database.</summary>
internal sealed class WebDbContextFactory : IDesignTimeDbContextFactory<WebDbContext>
{
    public WebDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<WebDbContext>()
        .UseNpgsql("Host=localhost;Database=webdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
