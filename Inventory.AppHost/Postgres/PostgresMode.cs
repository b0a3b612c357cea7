namespace Inventory.AppHost.Postgres;

/// <summary>How the AppHost provides PostgreSQL (setting <c>Postgres:Mode</c>).</summary>
internal enum PostgresMode
{
    /// <summary>Container when a container runtime answers, else the machine's own binaries; container when publishing.</summary>
    Auto,
    /// <summary>The machine's PostgreSQL server binaries, run by the AppHost on a local data directory.</summary>
    Local,
    /// <summary>Aspire's PostgreSQL container (needs Docker or Podman in run mode).</summary>
    Container,
    /// <summary>An existing server: one connection string per database from configuration.</summary>
    External,
}
