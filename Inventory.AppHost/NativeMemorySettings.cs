namespace Inventory.AppHost;

/// <summary>
/// glibc's malloc gives each thread that allocates natively (sockets, TLS, the runtime's own structures) an arena of
/// its own, up to 8 per core, each reserving 64 MiB and keeping its freed pages: that native memory counted in every
/// service's RSS after load (docs/operations.md, "Memory"). <c>MALLOC_ARENA_MAX</c> is read by glibc when the process
/// starts, so it cannot go in runtimeconfig.json: it is set here for every project, in the container images
/// (Directory.Build.props), the systemd units and the benchmark suite. An operator can choose another count for
/// local runs with the same name on the AppHost (its environment or <c>-- --MALLOC_ARENA_MAX=4</c>).
/// </summary>
internal static class NativeMemorySettings
{
    public const string ArenaMaxVariable = "MALLOC_ARENA_MAX";
    public const string DefaultArenaMax = "2";

    public static void LimitMallocArenasOfProjects(this IDistributedApplicationBuilder builder)
    {
        var value = builder.Configuration[ArenaMaxVariable];
        if (string.IsNullOrWhiteSpace(value))
            value = DefaultArenaMax;
        else if (!int.TryParse(value, out var arenas) || arenas < 1)
            throw new DistributedApplicationException($"{ArenaMaxVariable} must be a whole number of 1 or more, not '{value}'.");
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            builder.CreateResourceBuilder(project).WithEnvironment(ArenaMaxVariable, value);
    }
}
