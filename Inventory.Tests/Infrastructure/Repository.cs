namespace Inventory.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The repository's root folder. The AppHost project's path is its folder (or its .csproj); the root is the folder above.</summary>
    public static string Root()
    {
        var appHost = Projects.Inventory_AppHost.ProjectPath;
        return Path.GetDirectoryName(File.Exists(appHost) ? Path.GetDirectoryName(appHost) : appHost.TrimEnd('/'))!;
    }
}
