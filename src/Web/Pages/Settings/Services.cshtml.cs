using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Directory.SyncDirectoryNow;
using WorkSights.Application.Ingestion.GetServiceView;
using WorkSights.Application.Ingestion.ManageService;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Web.Pages.Settings;

public sealed class ServicesModel(IMediator mediator) : PageModel
{
    public ServiceViewDto View { get; private set; } = null!;

    [FromQuery(Name = "message")]
    public string? Message { get; set; }

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
        _ => "Sign-ins",
    };

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Message switch
        {
            "synced" => "The directory is up to date; the activity sync has started.",
            "revoked" => "Microsoft 365 refused access: consent was revoked.",
            "unavailable" => "Microsoft 365 could not be reached. WorkSights will retry.",
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
        var directory = await mediator.Send(new SyncDirectoryNowCommand(), cancellationToken);
        if (directory.Outcome is DirectoryImportOutcome.Completed or DirectoryImportOutcome.Throttled)
        {
            // Mailboxes have their own request envelope: a throttled directory does not hold them back.
            await mediator.Send(new RequestSyncNowCommand(), cancellationToken);
        }

        var message = directory.Outcome switch
        {
            DirectoryImportOutcome.Completed => "synced",
            DirectoryImportOutcome.ConsentRevoked => "revoked",
            DirectoryImportOutcome.Throttled => "throttled",
            _ => "unavailable",
        };
        return RedirectToPage(new { message });
    }

    public async Task<IActionResult> OnPostFeatureAsync(ServiceFeature feature, bool enabled, CancellationToken cancellationToken)
    {
        await mediator.Send(new SetServiceFeatureCommand(feature, enabled), cancellationToken);
        return RedirectToPage(new { message = "feature" });
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SetConnectionCommand(false), cancellationToken);
        return RedirectToPage(new { message = "disconnected" });
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SetConnectionCommand(true), cancellationToken);
        return RedirectToPage(new { message = "connected" });
    }
}
