using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Inventory.Tests.EndToEnd;

/// <summary>The AppHost's model without starting anything, and a project's environment as the orchestrator would compute it.</summary>
internal static class AppHostModel
{
    public static Task<IDistributedApplicationTestingBuilder> BuildAsync(params string[] args) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.Inventory_AppHost>(
            [
                // No database is needed to read the model; external mode starts none.
                "--Postgres:Mode=external",
                "--ConnectionStrings:catalogdb=Host=db.example;Database=catalogdb",
                "--ConnectionStrings:procurementdb=Host=db.example;Database=procurementdb",
                "--ConnectionStrings:webdb=Host=db.example;Database=webdb",
                .. args,
            ],
            (options, _) => options.DisableDashboard = true);

    /// <summary>A variable of a project's environment at start (every environment callback run), or null.</summary>
    public static async Task<string?> EnvironmentValueAsync(IDistributedApplicationTestingBuilder builder, string resource, string variable)
    {
        var project = builder.Resources.Single(r => r.Name == resource);
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), project);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
            await callback.Callback(context);
        return context.EnvironmentVariables.GetValueOrDefault(variable) switch
        {
            string text => text,
            // A URL the orchestrator fills in (the dashboard's endpoints are HostUrls).
            IValueProvider provider => await provider.GetValueAsync(),
            _ => null,
        };
    }
}
