using Microsoft.Extensions.Configuration;

namespace Inventory.AppHost;

/// <summary>
/// <c>Replicas:&lt;resource&gt;</c> (e.g. <c>dotnet run --project Inventory.AppHost -- --Replicas:catalog=2</c>) runs that
/// many processes of a project in run mode, behind the orchestrator's proxy, which spreads connections over them —
/// to see locally what scaling out shares and what it does not (docs/operations.md, "Scaling out"). The manifest
/// does not carry replica counts (Aspire writes none); Container Apps' replicas are set at deployment
/// (docs/deployment.md). A value that is not a whole number from 1 to <see cref="Most"/> stops the start naming the setting.
/// </summary>
internal static class ReplicaSettings
{
    public const string Section = "Replicas";
    private const int Most = 10;

    public static IResourceBuilder<ProjectResource> WithReplicasFromSettings(this IResourceBuilder<ProjectResource> project)
    {
        var setting = $"{Section}:{project.Resource.Name}";
        var value = project.ApplicationBuilder.Configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
            return project;
        if (!int.TryParse(value, out var replicas) || replicas is < 1 or > Most)
            throw new DistributedApplicationException($"{setting} must be a whole number from 1 to {Most}, not '{value}'.");
        return replicas == 1 ? project : project.WithReplicas(replicas);
    }

    /// <summary>Stops the start when a <c>Replicas</c> setting names no project: a typo would otherwise leave one replica, silently.</summary>
    public static void CheckReplicaSettingsNameProjects(this IDistributedApplicationBuilder builder)
    {
        var projects = builder.Resources.OfType<ProjectResource>().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in builder.Configuration.GetSection(Section).GetChildren())
        {
            if (!projects.Contains(setting.Key))
                throw new DistributedApplicationException(
                    $"{Section}:{setting.Key} names no project; replicas can be set for {string.Join(", ", projects.Order(StringComparer.Ordinal))}.");
        }
    }
}
