namespace Inventory.Tests.Unit;

public sealed class PagingTests
{
    [Fact]
    public void A_cursor_round_trips_its_parts_for_its_own_ordering_only()
    {
        var cursor = Paging.Cursor("name:desc", "Hex bolt, \"M6\" ÄÖ", "0190a1b2-0000-7000-8000-000000000001");
        var errors = new Dictionary<string, string[]>();

        Paging.ReadPage(errors, null, cursor, "name:desc", 2, out var key);

        Assert.Empty(errors);
        Assert.Equal(["Hex bolt, \"M6\" ÄÖ", "0190a1b2-0000-7000-8000-000000000001"], key!);
        Assert.False(Paging.TryDecode(cursor, "name:asc", 2, out _));
        Assert.False(Paging.TryDecode(cursor, "name:desc", 1, out _));
        Assert.False(Paging.TryDecode("not-base64!", "name:desc", 2, out _));
    }

    [Fact]
    public void A_foreign_cursor_is_an_error_named_after()
    {
        var errors = new Dictionary<string, string[]>();
        Paging.ReadPage(errors, null, Paging.Cursor("sku", "A"), "name", 1, out var key);
        Assert.Null(key);
        Assert.Equal(["after"], errors.Keys);
    }

    [Theory]
    [InlineData("AAAA")] // three zero bytes: not JSON
    [InlineData("WyJuYW1lIiwiXHUwMDAwIl0")] // ["name","\u0000"]: a key PostgreSQL cannot compare
    [InlineData("WyJuYW1lIixudWxsXQ")] // ["name",null]
    public void A_forged_cursor_is_an_error_named_after(string cursor)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.ReadPage(errors, "1", cursor, "name", 1, out var key);
        Assert.Null(key);
        Assert.Equal(["after"], errors.Keys);
    }

    [Theory]
    [InlineData(null, Paging.DefaultPageSize, false)]
    [InlineData("10", 10, false)]
    [InlineData("0", Paging.DefaultPageSize, true)]
    [InlineData("201", Paging.DefaultPageSize, true)]
    [InlineData("ten", Paging.DefaultPageSize, true)]
    public void Page_size_defaults_is_bounded_and_named_when_wrong(string? pageSize, int expected, bool refused)
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Equal(expected, Paging.ReadPage(errors, pageSize, null, "sku", 1, out _));
        Assert.Equal(refused, errors.ContainsKey("pageSize"));
    }

    [Fact]
    public void A_page_of_size_plus_one_rows_has_a_cursor_to_the_last_row_shown()
    {
        var page = Paging.ToPage([1, 2, 3], 2, n => n * 10, "n", n => [n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal([10, 20], page.Items);
        Assert.True(Paging.TryDecode(page.NextCursor!, "n", 1, out var key));
        Assert.Equal(["2"], key!);
        Assert.Null(Paging.ToPage([1, 2], 2, n => n, "n", n => [""]).NextCursor);
    }

    [Theory]
    [InlineData("50%", "50\\%")]
    [InlineData("a_b", "a\\_b")]
    [InlineData("c:\\x", "c:\\\\x")]
    public void Like_wildcards_are_escaped(string text, string escaped) => Assert.Equal(escaped, Paging.EscapeLike(text));
}
