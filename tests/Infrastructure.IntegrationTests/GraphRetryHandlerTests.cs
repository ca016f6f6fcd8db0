using System.Net;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Infrastructure.Graph;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Graph's Retry-After is obeyed on the application's clock: never early, at most three times, never beyond 180 s.</summary>
public sealed class GraphRetryHandlerTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Answers from a script and notes when (on the fake clock) each request arrived, with its body.</summary>
    private sealed class ScriptedGraph(FakeTimeProvider clock, params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int next;

        public List<(DateTimeOffset At, string? Body, string? Attempt)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((clock.GetUtcNow(), body, request.Headers.TryGetValues("Retry-Attempt", out var values) ? values.Single() : null));
            return answers[Math.Min(next++, answers.Length - 1)]();
        }
    }

    private static HttpResponseMessage Refused(HttpStatusCode status, int? retryAfterSeconds)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private (HttpClient Client, ScriptedGraph Graph) Client(params Func<HttpResponseMessage>[] answers)
    {
        var graph = new ScriptedGraph(clock, answers);
        return (new HttpClient(new GraphRetryHandler(clock) { InnerHandler = graph }), graph);
    }

    /// <summary>Moves the fake clock a second at a time until the request completes.</summary>
    private async Task<HttpResponseMessage> CompleteAsync(Task<HttpResponseMessage> sending)
    {
        for (var i = 0; i < 1000 && !sending.IsCompleted; i++)
        {
            await Task.Delay(5);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        return await sending;
    }

    [Fact]
    public async Task A_refusal_is_retried_no_sooner_than_its_retry_after_and_the_body_is_sent_again()
    {
        var (client, graph) = Client(() => Refused(HttpStatusCode.TooManyRequests, 7), () => Refused(HttpStatusCode.ServiceUnavailable, 2), () => new HttpResponseMessage(HttpStatusCode.OK));
        var started = clock.GetUtcNow();

        using var response = await CompleteAsync(client.PostAsync("https://graph.test/v1.0/$batch", new StringContent("{\"requests\":[]}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, graph.Requests.Count);
        Assert.True(graph.Requests[1].At - graph.Requests[0].At >= TimeSpan.FromSeconds(7), $"Retried after {graph.Requests[1].At - started}.");
        Assert.True(graph.Requests[2].At - graph.Requests[1].At >= TimeSpan.FromSeconds(2));
        Assert.All(graph.Requests, r => Assert.Equal("{\"requests\":[]}", r.Body));
        Assert.Equal([null, "1", "2"], graph.Requests.Select(r => r.Attempt));
    }

    [Fact]
    public async Task A_fractional_retry_after_is_waited_out_rounded_up_to_a_whole_second()
    {
        var refused = () =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.TryAddWithoutValidation("Retry-After", "1.249");
            return response;
        };
        var (client, graph) = Client(refused, () => new HttpResponseMessage(HttpStatusCode.OK));

        using var response = await CompleteAsync(client.GetAsync("https://graph.test/v1.0/users"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Two seconds, not the three a refusal without a usable Retry-After would wait.
        Assert.Equal(TimeSpan.FromSeconds(2), graph.Requests[1].At - graph.Requests[0].At);
    }

    [Fact]
    public async Task A_wait_longer_than_180_seconds_is_handed_back_at_once()
    {
        var (client, graph) = Client(() => Refused(HttpStatusCode.TooManyRequests, 181));

        using var response = await client.GetAsync("https://graph.test/v1.0/users");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(graph.Requests);
    }

    [Fact]
    public async Task After_three_retries_the_last_refusal_is_handed_back()
    {
        var (client, graph) = Client(() => Refused(HttpStatusCode.GatewayTimeout, 1));

        using var response = await CompleteAsync(client.GetAsync("https://graph.test/v1.0/users"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(1 + GraphRetryHandler.MaxRetries, graph.Requests.Count);
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var (client, graph) = Client(() => Refused(HttpStatusCode.InternalServerError, 1));

        using var response = await client.GetAsync("https://graph.test/v1.0/users");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(graph.Requests);
    }
}
