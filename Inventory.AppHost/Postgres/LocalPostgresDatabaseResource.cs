namespace Inventory.AppHost.Postgres;

/// <summary>
/// A database on a <see cref="LocalPostgresServerResource"/>. It is not an <c>IResourceWithParent</c>:
/// Aspire propagates state only to children of containers, so such a child of an executable would never
/// leave NotStarted. It waits for the server instead and reports its own health.
/// </summary>
internal sealed class LocalPostgresDatabaseResource(string name, LocalPostgresServerResource server)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public LocalPostgresServerResource Server { get; } = server;

    public string DatabaseName { get; } = name;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Server.ConnectionStringExpression};Database={DatabaseName}");
}
