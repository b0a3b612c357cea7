using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Tests.Unit;

/// <summary>Money and quantities: one column type in both services, and the request check that matches it.</summary>
public sealed class AmountsTests
{
    [Fact]
    public void The_largest_amount_is_the_largest_value_of_the_column_type()
    {
        var integerDigits = Amounts.Precision - Amounts.Scale;
        Assert.Equal(new string('9', integerDigits) + "." + new string('9', Amounts.Scale),
            Amounts.Max.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("99999999999999.9999", true, null)]
    [InlineData("-99999999999999.9999", true, null)]
    [InlineData("100000000000000", false, Amounts.TooLarge)]
    [InlineData("99999999999999999999.9999", false, Amounts.TooLarge)]
    [InlineData("9223372036854775808", false, Amounts.TooLarge)]
    [InlineData("1.00001", false, "At most 4 decimal places.")]
    public void A_value_that_does_not_fit_the_column_is_named_with_the_reason(string value, bool fits, string? message)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(fits, Amounts.Check(errors, "unitPrice", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(message, errors.GetValueOrDefault("unitPrice")?.Single());
    }

    [Fact]
    public void Every_decimal_column_of_both_services_is_stored_as_an_amount()
    {
        using var catalog = new CatalogDbContext(Options<CatalogDbContext>());
        using var procurement = new ProcurementDbContext(Options<ProcurementDbContext>());

        var columns = catalog.Model.GetEntityTypes().Concat(procurement.Model.GetEntityTypes())
            .SelectMany(e => e.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal))
                .Select(p => (Column: $"{e.GetTableName()}.{p.GetColumnName()}", p.GetPrecision(), p.GetScale())))
            .ToList();

        Assert.NotEmpty(columns);
        Assert.All(columns, c => Assert.Equal((c.Column, (int?)Amounts.Precision, (int?)Amounts.Scale), c));
    }

    private static DbContextOptions<T> Options<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options;
}
