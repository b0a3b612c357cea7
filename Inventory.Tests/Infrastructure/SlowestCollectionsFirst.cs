using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Inventory.Tests.Infrastructure.SlowestCollectionsFirst", "Inventory.Tests")]

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first (the AppHost, then the hosts on PostgreSQL), so the quick
/// ones fill the gaps beside them instead of a slow one starting last and running alone.
/// </summary>
public sealed class SlowestCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Slowest =
    [
        AppHostCollection.Name, // two AppHost starts: the restart test's first run, then the shared one
        ServicesCollection.Name,
        PlatformCollection.Name,
        Service.Fuzz.FuzzCollection.Name, // walks both OpenAPI documents: ~30 s of probes
        BrowserAppCollection.Name,
        WebAppCollection.Name,
        "Test collection for Inventory.Tests.EndToEnd.ManifestTests", // runs the AppHost to publish
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => Array.IndexOf(Slowest, collection.DisplayName) is var rank and >= 0 ? rank : Slowest.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
