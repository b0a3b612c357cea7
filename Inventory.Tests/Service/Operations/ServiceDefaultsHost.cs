using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Inventory.Tests.Service.Operations;

/// <summary>A host builder as a service's Program.cs starts it (outside Development), with the settings under test.</summary>
public static class ServiceDefaultsHost
{
    /// <summary>The application name, which names the log files.</summary>
    public const string Service = "Inventory.Tests";

    public static WebApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = Service });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
