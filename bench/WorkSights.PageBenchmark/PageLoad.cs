using System.Diagnostics;
using System.Net;

namespace WorkSights.PageBenchmark;

/// <summary>
/// Concurrent clients each requesting one path again and again for a while, as the signed-in Owner. With
/// <c>firstViews</c> each request adds a query value of its own, so that no page can be served from the output cache:
/// every request builds the page, as a viewer's first look at it does.
/// </summary>
internal sealed class PageLoad(Uri baseAddress, string cookie, int clients) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = clients })
    {
        BaseAddress = baseAddress,
    };

    public sealed record Run(int Requests, double RequestsPerSecond, double P50, double P95, long AverageBytes);

    private long views;

    public async Task<Run> RunAsync(string path, TimeSpan duration, bool firstViews = false)
    {
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(path, stopAt, firstViews)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = perClient.SelectMany(c => c.Latencies).Order().ToArray();
        var bytes = perClient.Sum(c => c.Bytes);
        return new Run(
            latencies.Length,
            latencies.Length / elapsed.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            latencies.Length == 0 ? 0 : bytes / latencies.Length);
    }

    public void Dispose() => http.Dispose();

    private async Task<(List<double> Latencies, long Bytes)> ClientAsync(string path, long stopAt, bool firstViews)
    {
        var latencies = new List<double>();
        long bytes = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var address = firstViews ? $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}view={Interlocked.Increment(ref views)}" : path;
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Add("Cookie", cookie);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} {response.Headers.Location}: the benchmark measures pages the Owner is shown.");
            }

            bytes += body.Length;
        }

        return (latencies, bytes);
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
