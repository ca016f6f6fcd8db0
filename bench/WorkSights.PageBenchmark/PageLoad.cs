using System.Diagnostics;
using System.Net;

namespace WorkSights.PageBenchmark;

/// <summary>
/// Concurrent clients requesting paths again and again for a while, as the signed-in Owner: one path, or a mix of paths
/// taken in turn (the n-th request of the run asks for the n-th path, round the list). With <c>firstViews</c> each
/// request adds a query value of its own, so that no page can be served from the output cache: every request builds the
/// page, as a viewer's first look at it does.
/// </summary>
internal sealed class PageLoad(Uri baseAddress, string cookie, int clients) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = clients })
    {
        BaseAddress = baseAddress,
        // A request slower than this is a finding to print, not a reason to stop the run.
        Timeout = TimeSpan.FromMinutes(10),
    };

    public sealed record Run(int Requests, double RequestsPerSecond, double P50, double P95, long AverageBytes);

    /// <summary>The whole mix, and each path's share of it (its requests per second are its share of the run's).</summary>
    public sealed record MixRun(Run All, IReadOnlyList<(string Path, Run Run)> ByPath);

    /// <summary>Counted across every load of the process, so that a first view's query value is never asked for twice.</summary>
    private static long views;

    public async Task<Run> RunAsync(string path, TimeSpan duration, bool firstViews = false) => (await RunMixAsync([path], duration, firstViews)).All;

    /// <param name="beforeEach">Runs before each request is sent, outside its timing (a change of the data, say).</param>
    public async Task<MixRun> RunMixAsync(IReadOnlyList<string> paths, TimeSpan duration, bool firstViews = false, Action? beforeEach = null)
    {
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(paths, stopAt, firstViews, beforeEach)));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = perClient.SelectMany(c => c).ToList();
        return new MixRun(
            Summarise(all, elapsed),
            [.. paths.Select((path, index) => (path, Summarise([.. all.Where(r => r.Path == index)], elapsed)))]);
    }

    public void Dispose() => http.Dispose();

    private static Run Summarise(List<(int Path, double Latency, long Bytes)> requests, double elapsedSeconds)
    {
        var latencies = requests.Select(r => r.Latency).Order().ToArray();
        return new Run(
            latencies.Length,
            latencies.Length / elapsedSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            latencies.Length == 0 ? 0 : requests.Sum(r => r.Bytes) / latencies.Length);
    }

    private async Task<List<(int Path, double Latency, long Bytes)>> ClientAsync(IReadOnlyList<string> paths, long stopAt, bool firstViews, Action? beforeEach)
    {
        var requests = new List<(int, double, long)>();
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var view = Interlocked.Increment(ref views);
            var index = (int)(view % paths.Count);
            var path = paths[index];
            var address = firstViews ? $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}view={view}" : path;
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Add("Cookie", cookie);
            beforeEach?.Invoke();
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} {response.Headers.Location}: the benchmark measures pages the Owner is shown.");
            }

            requests.Add((index, latency, body.Length));
        }

        return requests;
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
