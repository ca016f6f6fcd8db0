using System.Runtime.CompilerServices;

namespace WorkSights.Tests.Shared;

internal static class TestHostDefaults
{
    /// <summary>
    /// Test hosts watch no file through inotify: each host's watchers (configuration files; the web root, watched for
    /// asp-append-version) hold inotify instances, and a run that keeps a few dozen apps alive at once would reach the
    /// machine's limit (128 per user by default) and fail pages with 500s. Configuration is not reloaded and the web
    /// root is polled instead.
    /// </summary>
    [ModuleInitializer]
    internal static void WatchNoFileThroughInotify()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
