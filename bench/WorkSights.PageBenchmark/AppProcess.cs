using System.Diagnostics;
using WorkSights.Benchmarks;
using WorkSights.Tests.Shared;

namespace WorkSights.PageBenchmark;

/// <summary>
/// The app alone in a process of its own, on the seeded workspace's data folder and the parent's sandbox, so that its
/// memory is measured without the sandbox (which stands in for Microsoft's servers) and the benchmark's clients. It is
/// this benchmark run again with <see cref="Argument"/>; the session signed in through the parent's app stays valid,
/// as the database and the data-protection keys are the same.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string Argument = "--serve-app";

    private const string ListeningPrefix = "app listening on ";

    private readonly Process process;
    private readonly Task relay;

    private AppProcess(Process process, Uri baseAddress, Task relay)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.relay = relay;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    public static async Task<AppProcess> StartAsync(WorkSightsApp app, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown.");
        start.FileName = path;
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(AppProcess).Assembly.Location);
        }

        var sandbox = SandboxEndpoints.Of(app.Sandbox);
        foreach (var argument in new[] { Argument, app.DataDirectory, sandbox.Http.ToString(), sandbox.Https.ToString(), sandbox.TlsThumbprint })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app's process did not start.");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                return new AppProcess(process, new Uri(line[ListeningPrefix.Length..]), RelayAsync(process.StandardOutput));
            }

            Console.WriteLine(line);
        }

        await process.WaitForExitAsync();
        throw new InvalidOperationException($"The app's process exited with {process.ExitCode} before listening.");
    }

    /// <summary>The child's side: the app on a loopback port until the parent closes the standard input.</summary>
    public static async Task ServeAsync(string[] args)
    {
        var app = new WorkSightsApp
        {
            DataDirectory = args[1],
            RemoteSandbox = new SandboxEndpoints(new Uri(args[2]), new Uri(args[3]), args[4]),
            KeepDataOnDispose = true,
            TestServices = BaselineEndpoint.Add,
            Settings = args.Skip(5).Select(a => a.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]),
        };
        await app.InitializeAsync();
        using var memory = MemorySampler.Start();
        Console.WriteLine(ListeningPrefix + app.BaseAddress);
        await Console.In.ReadToEndAsync();
        memory.Stop();
        Report.Figure("  the app's process: managed heap / GC committed peaks", $"{Report.Mb(memory.PeakManaged)} / {Report.Mb(memory.PeakCommitted)}");
        Report.Figure("  the app's process: SQLite's memory peak", Report.Mb(SQLitePCL.raw.sqlite3_memory_highwater(0)));
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        await relay;
        process.Dispose();
    }

    private static async Task RelayAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            Console.WriteLine(line);
        }
    }
}
