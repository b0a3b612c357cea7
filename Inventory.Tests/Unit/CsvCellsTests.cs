using Inventory.CatalogService.Items;

namespace Inventory.Tests.Unit;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("'=x", "''=x")]
    [InlineData("Hammer", "Hammer")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =x", " =x")]
    public void Cells_that_a_spreadsheet_would_run_are_quoted(string text, string exported) =>
        Assert.Equal(exported, CsvCells.Neutralise(text));

    [Theory]
    [InlineData("=x")]
    [InlineData("'=x")]
    [InlineData("''=x")]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("'plain")]
    [InlineData("-")]
    [InlineData("plain")]
    [InlineData("")]
    public void What_export_writes_import_reads_back_exactly(string text) =>
        Assert.Equal(text, CsvCells.Restore(CsvCells.Neutralise(text)));

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'hello", "'hello")]
    [InlineData("'", "'")]
    public void Import_strips_one_quote_only_before_a_formula_character(string cell, string stored) =>
        Assert.Equal(stored, CsvCells.Restore(cell));
}
