using System.Globalization;
using System.Text.Json;
using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetArrivedStreamItems;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Web.Authentication;
using WorkSights.Web.Pages.Activities;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Endpoints;

/// <summary>
/// <c>GET /Activities/Stream/events</c>: server-sent events that push newly stored activities to an open Activity Stream,
/// with the page's day and filters, only of people the viewer sees. Woken by the sync's <see cref="ActivityArrivals"/>
/// rather than by polling; a comment line every <see cref="HeartbeatSetting"/> seconds keeps proxies from closing it;
/// the event id lets a reconnecting browser (<c>Last-Event-ID</c>) receive what it missed. Each push reads in a scope of
/// its own (not the connection's, which may stay open for hours), and a connection ends after
/// <see cref="MaxConnectionSetting"/> seconds with its position: the browser reconnects through the sign-in checks of
/// a new request, so that a session ended or a role changed meanwhile stops the pushes too.
/// </summary>
internal static class ActivityStreamEvents
{
    public const string Path = "/Activities/Stream/events";

    public const string HeartbeatSetting = "ActivityStream:HeartbeatSeconds";

    public const string MaxConnectionSetting = "ActivityStream:MaxConnectionSeconds";

    /// <summary>Announcements that follow one another closely (the pages of one sync) are answered together.</summary>
    private static readonly TimeSpan Gathering = TimeSpan.FromMilliseconds(300);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapActivityStreamEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, StreamAsync).RequireAuthorization(Policies.Analytics).ExcludeFromDescription();
        return routes;
    }

    private static async Task StreamAsync(
        HttpContext context, IMediator mediator, ITenantContext tenantContext, IServiceScopeFactory scopes, ActivityArrivals arrivals, IConfiguration configuration)
    {
        var cancellationToken = context.RequestAborted;
        if (!context.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
        {
            // Only an EventSource asks for the stream; anything else gets a short answer instead of a request that never ends.
            context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            await context.Response.WriteAsync("This address sends new activity to an open Activity Stream page (Accept: text/event-stream).", cancellationToken);
            return;
        }

        var request = context.Request.Query;
        var query = new ReportQuery
        {
            Date = request["date"],
            Team = request["team"],
            Manager = request["manager"],
            Category = request["category"],
            Service = request["service"],
            Person = request["person"],
            Role = request["role"],
        };
        var bar = await mediator.Send(new GetReportBarQuery(query.PersonId), cancellationToken);
        var day = query.DayOr(bar.Today);
        var filter = query.ToFilter(bar);

        var tenantId = tenantContext.TenantId ?? throw new ForbiddenAccessException("Sign in to a workspace to follow its activity.");
        var heartbeat = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue<double?>(HeartbeatSetting) ?? 15, 0.2, 60));
        var lifetime = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue<double?>(MaxConnectionSetting) ?? 60, 1, 3600));
        var endAt = TimeProvider.System.GetTimestamp() + (long)(lifetime.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var sequence = ResumeFrom(context.Request, arrivals) ?? arrivals.Latest;

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 5000\n: connected\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (TimeProvider.System.GetTimestamp() >= endAt)
                {
                    // An event of no data still moves the browser's last event id on: it reconnects from here.
                    await response.WriteAsync($"id: {arrivals.Epoch}-{sequence.ToString(CultureInfo.InvariantCulture)}\n: reconnect\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    return;
                }

                // Real time, not the app's clock: heartbeats are about sockets and proxies, which a test's fake clock does not drive.
                await arrivals.WaitAfterAsync(sequence, heartbeat, TimeProvider.System, cancellationToken);
                if (arrivals.Latest == sequence)
                {
                    await response.WriteAsync(": heartbeat\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                await Task.Delay(Gathering, cancellationToken);
                var news = arrivals.After(sequence);
                if (news.Count == 0)
                {
                    sequence = arrivals.Latest;
                    continue;
                }

                sequence = news[^1].Sequence;
                var items = await ArrivedAsync(scopes, tenantId, new GetArrivedStreamItemsQuery(day, filter, news), cancellationToken);
                if (items.Count > 0)
                {
                    var data = JsonSerializer.Serialize(items.Select(StreamItemView.Of), Json);
                    await response.WriteAsync($"id: {arrivals.Epoch}-{sequence.ToString(CultureInfo.InvariantCulture)}\nevent: activities\ndata: {data}\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The reader went away: the stream ends here.
        }
    }

    /// <summary>The new items; none while privacy mode withholds the page's group (a joiner or leaver can change it).</summary>
    private static async Task<IReadOnlyList<StreamItemDto>> ArrivedAsync(IServiceScopeFactory scopes, Guid tenantId, GetArrivedStreamItemsQuery query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var workspace = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId);
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
        }
        catch (GroupWithheldException)
        {
            return [];
        }
    }

    /// <summary>The sequence a reconnecting browser last received, when it belongs to this run of the app.</summary>
    private static long? ResumeFrom(HttpRequest request, ActivityArrivals arrivals)
    {
        var last = request.Headers["Last-Event-ID"].ToString();
        if (string.IsNullOrEmpty(last))
        {
            last = request.Query["lastEventId"].ToString();
        }

        var parts = last.Split('-', 2);
        return parts is [var epoch, var number] && epoch == arrivals.Epoch
            && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence <= arrivals.Latest
            ? sequence
            : null;
    }
}
