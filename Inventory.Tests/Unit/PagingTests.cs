using Inventory.ServiceDefaults;

namespace Inventory.Tests.Unit;

public sealed class PagingTests
{
    [Fact]
    public void A_cursor_decodes_to_the_key_it_was_made_from()
    {
        var cursor = Paging.EncodeCursor("SKU/ÄÖ-1");

        Assert.True(Paging.TryResolve(10, cursor, out var size, out var key, out var errors));
        Assert.Equal(10, size);
        Assert.Equal("SKU/ÄÖ-1", key);
        Assert.Empty(errors);
    }

    [Fact]
    public void Page_size_defaults_and_is_bounded()
    {
        Assert.True(Paging.TryResolve(null, null, out var size, out _, out _));
        Assert.Equal(Paging.DefaultPageSize, size);
        Assert.False(Paging.TryResolve(Paging.MaxPageSize + 1, null, out _, out _, out var errors));
        Assert.Contains("pageSize", errors.Keys);
    }

    [Theory]
    [InlineData("50%", "50\\%")]
    [InlineData("a_b", "a\\_b")]
    [InlineData("c:\\x", "c:\\\\x")]
    public void Like_wildcards_are_escaped(string text, string escaped) => Assert.Equal(escaped, Paging.EscapeLike(text));
}
