using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// The AppHost limits glibc's malloc arenas of every project (<c>MALLOC_ARENA_MAX</c>, docs/operations.md "Memory"),
/// and lets a run choose another count (nothing is started).
/// </summary>
public sealed class NativeMemoryModelTests
{
    private const string Variable = "MALLOC_ARENA_MAX";
    private static readonly string[] Projects = [ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway];

    private static Task<IDistributedApplicationTestingBuilder> AppHostAsync(params string[] args) => AppHostModel.BuildAsync(args);

    private static Task<string?> ArenaMaxOfAsync(IDistributedApplicationTestingBuilder builder, string resource) =>
        AppHostModel.EnvironmentValueAsync(builder, resource, Variable);

    [Fact]
    public async Task Every_project_runs_with_two_malloc_arenas()
    {
        await using var builder = await AppHostAsync();

        foreach (var project in Projects)
            Assert.Equal("2", await ArenaMaxOfAsync(builder, project));
    }

    [Fact]
    public async Task A_count_set_on_the_apphost_reaches_every_project()
    {
        await using var builder = await AppHostAsync("--MALLOC_ARENA_MAX=4");

        foreach (var project in Projects)
            Assert.Equal("4", await ArenaMaxOfAsync(builder, project));
    }

    [Fact]
    public async Task A_count_that_is_not_a_positive_number_stops_the_start_naming_the_variable()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AppHostAsync("--MALLOC_ARENA_MAX=0"));

        Assert.Contains("MALLOC_ARENA_MAX must be a whole number of 1 or more, not '0'", failure.ToString());
    }
}
