namespace Inventory.AppHost.Postgres;

/// <summary>
/// A PostgreSQL server run from the machine's own binaries as an executable resource, for machines
/// without a container runtime. It listens on 127.0.0.1 only, with password authentication.
/// </summary>
internal sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string UserName = Inventory.LocalPostgres.PostgresCommand.ServerUser;

    public ParameterResource Password { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
