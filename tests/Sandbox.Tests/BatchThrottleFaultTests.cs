using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace WorkSights.Sandbox.Tests;

public sealed class BatchThrottleFaultTests : OutlookTestBase
{
    private static async Task<(SandboxServer Server, SandboxClientApp App, FakeTimeProvider Clock)> StartAsync(int rate = 10_000, int concurrency = 4)
    {
        var app = SandboxTestBase.NewApp("Throttle test");
        var clock = new FakeTimeProvider(OutlookFixture.Start);
        var server = await SandboxServer.StartAsync(new SandboxOptions { Apps = [app], TimeProvider = clock, MailboxRequestsPer10Minutes = rate, MailboxConcurrency = concurrency });
        return (server, app, clock);
    }

    private static string MailUrl(SandboxServer server, int index = 20) =>
        $"/users/{server.State.Directory.Roster(Contoso).Active[index].Id}/mailFolders/sentitems/messages/delta?$select=subject";

    private static string Requests(IEnumerable<(string Id, string Url)> items, string? dependsOn = null) =>
        JsonSerializer.Serialize(new
        {
            requests = items.Select(i => new Dictionary<string, object> { ["id"] = i.Id, ["method"] = "GET", ["url"] = i.Url }
            .Concat(dependsOn is not null && i.Id != dependsOn ? [new KeyValuePair<string, object>("dependsOn", new[] { dependsOn })] : [])
            .ToDictionary(k => k.Key, k => k.Value))
        });

    [Fact]
    public async Task Batch_answers_each_item_and_enforces_limits_ids_dependencies_and_per_item_throttling()
    {
        var (server, app, _) = await StartAsync(rate: 5);
        await using var _s = server;
        var token = await TokenAsync(server, app, Contoso);
        var roster = server.State.Directory.Roster(Contoso);
        var now = OutlookFixture.Start;
        var items = new List<(string, string)>
        {
            ("1", MailUrl(server, 1)),
            ("2", $"users/{roster.Active[2].Id}/calendarView/delta?startDateTime={Iso(now.AddDays(-2))}&endDateTime={Iso(now)}"),
            ("3", "/users?$select=displayName&$top=2"),
            ("4", $"/users/{Guid.NewGuid()}/mailFolders/sentitems/messages/delta"),
        };
        var json = await BatchAsync(server, token, Requests(items));
        var responses = json.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(200, responses["1"].GetProperty("status").GetInt32());
        Assert.True(responses["1"].GetProperty("body").GetProperty("value").GetArrayLength() > 0);
        Assert.Equal(200, responses["2"].GetProperty("status").GetInt32());
        Assert.Equal(2, responses["3"].GetProperty("body").GetProperty("value").GetArrayLength());
        Assert.Equal(404, responses["4"].GetProperty("status").GetInt32());

        var tooMany = await BatchAsync(server, token, Requests(Enumerable.Range(1, 21).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), MailUrl(server)))), HttpStatusCode.BadRequest);
        Assert.Equal("BadRequest", tooMany.GetProperty("error").GetProperty("code").GetString());
        await BatchAsync(server, token, Requests([("a", MailUrl(server)), ("a", MailUrl(server))]), HttpStatusCode.BadRequest);

        var dependent = await BatchAsync(server, token, Requests([("bad", $"/users/{Guid.NewGuid()}/calendarView/delta"), ("next", MailUrl(server))], dependsOn: "bad"));
        Assert.Equal(424, dependent.GetProperty("responses").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "next").GetProperty("status").GetInt32());

        // Same mailbox, 5 requests per 10 minutes: 8 items → 5 answered, 3 throttled on their own.
        var throttled = await BatchAsync(server, token, Requests(Enumerable.Range(1, 8).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), MailUrl(server, 30)))));
        var statuses = throttled.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(5, statuses.Count(r => r.GetProperty("status").GetInt32() == 200));
        var limited = statuses.Where(r => r.GetProperty("status").GetInt32() == 429).ToList();
        Assert.Equal(3, limited.Count);
        Assert.All(limited, r =>
        {
            Assert.Equal("ApplicationThrottled", r.GetProperty("body").GetProperty("error").GetProperty("code").GetString());
            Assert.InRange(int.Parse(r.GetProperty("headers").GetProperty("Retry-After").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        });
    }

    [Fact]
    public async Task Rate_limit_per_app_and_mailbox_with_retry_after_from_the_window()
    {
        var (server, app, clock) = await StartAsync(rate: 3);
        await using var _s = server;
        var token = await TokenAsync(server, app, Contoso);
        var url = "v1.0" + MailUrl(server, 40);
        for (var i = 0; i < 3; i++)
        {
            await OkAsync(server, url, token);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var (status, json, response) = await GetAsync(server, url, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("ApplicationThrottled", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("570", response.Headers.GetValues("Retry-After").Single());
        response.Dispose();
        await OkAsync(server, "v1.0" + MailUrl(server, 41), token);
        clock.Advance(TimeSpan.FromSeconds(571));
        await OkAsync(server, url, token);
    }

    [Fact]
    public async Task Concurrency_limit_per_mailbox_answers_429_with_retry_after_one()
    {
        var (server, app, _) = await StartAsync(concurrency: 2);
        await using var _s = server;
        var token = await TokenAsync(server, app, Contoso);
        server.Faults.Latency(TimeSpan.FromMilliseconds(400));
        var url = "v1.0" + MailUrl(server, 50);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => GetAsync(server, url, token)));
        Assert.Contains(results, r => r.Status == HttpStatusCode.OK);
        var limited = results.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r =>
        {
            Assert.Equal("Application is over its MailboxConcurrency limit.", r.Json.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal("1", r.Response.Headers.GetValues("Retry-After").Single());
        });
        foreach (var r in results)
        {
            r.Response.Dispose();
        }
    }

    [Fact]
    public async Task Faults_fail_slow_down_and_corrupt_graph_but_never_identity()
    {
        var (server, app, _) = await StartAsync();
        await using var _s = server;
        var token = await TokenAsync(server, app, Contoso);
        var url = "v1.0" + MailUrl(server, 60);

        server.Faults.FailureRate(1.0, 503);
        var (status, json, response) = await GetAsync(server, url, token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        response.Dispose();
        Assert.NotNull(await TokenAsync(server, app, Contoso));
        server.Faults.FailureRate(1.0, 504);
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await GetAsync(server, "v1.0/users", token)).Status);

        // Deterministic given the seed: the same sequence of failures twice.
        var runs = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            server.Faults.Reset();
            server.Faults.Seed = 42;
            server.Faults.FailureRate(0.5, 503);
            var pattern = string.Empty;
            for (var i = 0; i < 12; i++)
            {
                pattern += (await GetAsync(server, url, token)).Status == HttpStatusCode.OK ? "." : "x";
            }

            runs.Add(pattern);
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains('x', runs[0]);
        Assert.Contains('.', runs[0]);

        server.Faults.Reset();
        server.Faults.MalformedJson(2);
        for (var i = 0; i < 2; i++)
        {
            using var client = Client(server);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new("Bearer", token);
            using var bad = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var text = await bad.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        }

        await OkAsync(server, url, token);

        server.Faults.Latency(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await OkAsync(server, url, token);
        Assert.True(watch.ElapsedMilliseconds >= 280);
        watch.Restart();
        await TokenAsync(server, app, Contoso);
        Assert.True(watch.ElapsedMilliseconds < 280);
        server.Faults.Reset();

        using var control = Client(server);
        using var posted = await control.PostAsync("sandbox/faults/failure-rate", JsonContent("{\"probability\":1,\"statusCode\":504}"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await GetAsync(server, url, token)).Status);
        using var reset = await control.PostAsync("sandbox/faults/reset", JsonContent("{}"));
        using var malformed = await control.PostAsync("sandbox/faults/malformed-json", JsonContent("{\"count\":1}"));
        Assert.Equal(1, server.Faults.MalformedJsonRemaining);
        using var latency = await control.PostAsync("sandbox/faults/latency", JsonContent("{\"milliseconds\":5}"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), server.Faults.LatencyDelay);
        _ = json;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
