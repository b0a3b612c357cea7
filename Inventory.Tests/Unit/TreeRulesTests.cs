using Inventory.CatalogService.Trees;

namespace Inventory.Tests.Unit;

public sealed class TreeRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    [Fact]
    public void A_path_lists_the_ids_from_the_root_down()
    {
        var a = TreeRules.PathIds(null, A);
        var b = TreeRules.PathIds(a, B);

        Assert.Equal($"/{A}/{B}/", b);
        Assert.Equal(2, TreeRules.Depth(b));
    }

    [Fact]
    public void Moving_a_node_under_itself_or_a_descendant_is_a_cycle()
    {
        var pathOfC = TreeRules.PathIds(TreeRules.PathIds(TreeRules.PathIds(null, A), B), C);

        Assert.True(TreeRules.WouldCreateCycle(A, A, TreeRules.PathIds(null, A)));
        Assert.True(TreeRules.WouldCreateCycle(A, C, pathOfC));
        Assert.True(TreeRules.WouldCreateCycle(B, C, pathOfC));
    }

    [Fact]
    public void Moving_a_node_elsewhere_or_to_the_root_is_not_a_cycle()
    {
        var pathOfC = TreeRules.PathIds(TreeRules.PathIds(null, A), C);

        Assert.False(TreeRules.WouldCreateCycle(D, C, pathOfC));
        Assert.False(TreeRules.WouldCreateCycle(B, null, null));
    }
}
