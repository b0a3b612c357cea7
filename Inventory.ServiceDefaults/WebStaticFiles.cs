using Microsoft.AspNetCore.Http;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Web's static files (its wwwroot folders), by path: Web serves them, the gateway keeps copies of them
/// (Inventory.Gateway's StaticFileCache), and no process traces them unless told to (<see cref="TraceSampling"/>).
/// They are the same for every caller: nothing under these paths depends on who asks.
/// </summary>
public static class WebStaticFiles
{
    private static readonly PathString[] Folders = ["/css", "/js", "/lib", "/favicon.svg"];

    // A loop rather than Folders.Any(path.StartsWithSegments): it runs on every request, and the method group
    // allocated a delegate (and LINQ an enumerator) each time.
    public static bool IsStaticFile(PathString path)
    {
        foreach (var folder in Folders)
            if (path.StartsWithSegments(folder))
                return true;
        return false;
    }
}
