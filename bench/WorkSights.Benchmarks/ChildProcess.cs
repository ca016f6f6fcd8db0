using System.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>Runs this benchmark again as a child process, relaying its output and collecting its verdicts and result.</summary>
internal static class ChildProcess
{
    /// <param name="started">Called once the child process runs.</param>
    public static async Task<string?> RunAsync(IReadOnlyList<string> arguments, Action? started = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown.");
        start.FileName = path;
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        started?.Invoke();
        string? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(Report.VerdictPrefix, StringComparison.Ordinal))
            {
                Report.AddVerdict(line);
            }
            else if (line.StartsWith(BackfillResult.Prefix, StringComparison.Ordinal))
            {
                result = line;
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? result : throw new InvalidOperationException($"The child process exited with {process.ExitCode}.");
    }
}
