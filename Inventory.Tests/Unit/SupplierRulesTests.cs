using Inventory.ProcurementService.Suppliers;

namespace Inventory.Tests.Unit;

public sealed class SupplierRulesTests
{
    private static SupplierRequest Valid => new("Acme", null, null, null, null, null, null, null, null, null);

    [Theory]
    [InlineData("sales@acme.example", true)]
    [InlineData("first.last+tag@sub.acme.example", true)]
    [InlineData("Ann <ann@acme.example>", false)]
    [InlineData("ann@acme", false)]
    [InlineData("ann", false)]
    public void Email_must_be_a_bare_address_with_a_domain(string email, bool valid) =>
        Assert.Equal(valid, SupplierRules.IsEmail(email));

    [Theory]
    [InlineData("usd")]
    [InlineData("EUR")]
    public void Currency_codes_are_three_letters_in_any_case(string currency) =>
        Assert.Empty(SupplierRules.Validate(Valid with { Currency = currency }, creating: true));

    [Fact]
    public void Lead_time_is_bounded_to_a_year()
    {
        Assert.Empty(SupplierRules.Validate(Valid with { LeadTimeDays = 365 }, creating: true));
        Assert.Contains("leadTimeDays", SupplierRules.Validate(Valid with { LeadTimeDays = 366 }, creating: true).Keys);
    }

    [Fact]
    public void A_nul_character_in_any_text_is_rejected_under_its_field_and_an_update_needs_the_version_read()
    {
        var errors = SupplierRules.Validate(Valid with { Notes = "a\0b", Address = "x\0" }, creating: false);

        Assert.Equal(["address", "notes", "version"], errors.Keys.Order());
        Assert.Equal(TextFields.NulMessage, errors["notes"].Single());
        Assert.Empty(SupplierRules.Validate(Valid with { Version = 3 }, creating: false));
    }

    [Fact]
    public void Overlong_texts_are_rejected_per_field() =>
        Assert.Contains("notes", SupplierRules.Validate(Valid with { Notes = new string('n', SupplierRules.LongTextMaxLength + 1) }, creating: true).Keys);
}
