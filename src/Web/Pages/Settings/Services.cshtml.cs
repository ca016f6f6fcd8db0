using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Ingestion.GetServiceView;
using WorkSights.Application.Ingestion.ManageService;
using WorkSights.Application.Ingestion.SyncNow;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Web.Pages.Settings;

public sealed class ServicesModel(IMediator mediator) : PageModel
{
    public ServiceViewDto View { get; private set; } = null!;

    [FromQuery(Name = "message")]
    public string? Message { get; set; }

    /// <summary>"disconnect" while the page asks whether to disconnect.</summary>
    [FromQuery(Name = "confirm")]
    public string? Confirm { get; set; }

    public bool AsksToConfirmDisconnect => string.Equals(Confirm, "disconnect", StringComparison.Ordinal);

    public static string Describe(ConnectionStatus status) => status switch
    {
        ConnectionStatus.Connected => "Connected",
        ConnectionStatus.Syncing => "Syncing",
        ConnectionStatus.Throttled => "Throttled",
        ConnectionStatus.AuditLogNotEnabled => "Audit log not enabled",
        ConnectionStatus.ConsentRevoked => "Consent revoked",
        ConnectionStatus.Disconnected => "Disconnected",
        _ => "Error",
    };

    public static string Describe(ServiceFeature feature) => feature switch
    {
        ServiceFeature.Email => "Email (sent mail)",
        ServiceFeature.Calendar => "Calendar",
        ServiceFeature.Calls => "Teams calls",
        ServiceFeature.Chat => "Teams chat",
        ServiceFeature.Files => "SharePoint and OneDrive files",
        ServiceFeature.MailboxAccess => "Mailbox access",
        _ => "Sign-ins",
    };

    public static string Describe(NextSync next, DateTimeOffset? nextConsentCheckAt) => next.State switch
    {
        NextSyncState.Scheduled => Time(next.At),
        NextSyncState.Now => "Now",
        NextSyncState.AfterCurrentRun => "When the current sync finishes",
        NextSyncState.PausedConsentRevoked => nextConsentCheckAt is { } check
            ? $"Paused: consent revoked (WorkSights checks again at {Time(check)})"
            : "Paused: consent revoked",
        _ => "Paused: disconnected",
    };

    /// <summary>What the workspace goes without while <paramref name="permission"/> is missing.</summary>
    public static string Consequence(string permission) => permission switch
    {
        "MailboxSettings.Read" => "; until then people keep the workspace's default time zone and working hours.",
        _ => ".",
    };

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Message switch
        {
            "synced" => "The directory is up to date; the activity sync has started.",
            "revoked" => "Nothing can sync: consent was revoked in Microsoft 365. A Microsoft 365 administrator must grant it again (Reconnect below); WorkSights also checks by itself and reconnects when it is.",
            "recovered" => "Consent was granted again in Microsoft 365: WorkSights is connected again and the sync has started.",
            "paused" => "Nothing can sync while WorkSights is disconnected: connect again first.",
            "unavailable" => "Microsoft 365 could not be reached. The next scheduled sync tries again.",
            "throttled" => "Microsoft 365 asked WorkSights to slow down. Syncing resumes by itself when the pause is over.",
            "feature" => "The feature was switched; the sync honours it from its next page.",
            "disconnected" => "Disconnected. Nothing more is read from Microsoft 365.",
            "connected" => "Connected again; syncing resumes where it stopped.",
            "reconnected" => "Microsoft confirmed the consent: Microsoft 365 is connected again and syncing resumes where it stopped.",
            _ => null,
        };
        View = await mediator.Send(new GetServiceViewQuery(), cancellationToken);
    }

    public async Task<IActionResult> OnPostSyncNowAsync(CancellationToken cancellationToken)
    {
        var message = await mediator.Send(new SyncNowCommand(), cancellationToken) switch
        {
            SyncNowOutcome.Started => "synced",
            SyncNowOutcome.Recovered => "recovered",
            SyncNowOutcome.Throttled => "throttled",
            SyncNowOutcome.ConsentRevoked => "revoked",
            SyncNowOutcome.Disconnected => "paused",
            _ => "unavailable",
        };
        return RedirectToPage(new { message });
    }

    public async Task<IActionResult> OnPostFeatureAsync(ServiceFeature feature, bool enabled, CancellationToken cancellationToken)
    {
        await mediator.Send(new SetServiceFeatureCommand(feature, enabled), cancellationToken);
        return RedirectToPage(new { message = "feature" });
    }

    /// <summary>Disconnects only from the confirmation's own button; any other post is asked to confirm first.</summary>
    public async Task<IActionResult> OnPostDisconnectAsync([FromForm(Name = "confirmed")] string? confirmed, CancellationToken cancellationToken)
    {
        if (!string.Equals(confirmed, "yes", StringComparison.Ordinal))
        {
            return RedirectToPage(new { confirm = "disconnect" });
        }

        await mediator.Send(new SetConnectionCommand(false), cancellationToken);
        return RedirectToPage(new { message = "disconnected" });
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SetConnectionCommand(true), cancellationToken);
        return RedirectToPage(new { message = "connected" });
    }
}
