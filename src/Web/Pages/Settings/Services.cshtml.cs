using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Directory.SyncDirectoryNow;
using WorkSights.Application.Onboarding.GetWorkspaceStatus;
using WorkSights.Domain.Tenants;

namespace WorkSights.Web.Pages.Settings;

public sealed class ServicesModel(IMediator mediator) : PageModel
{
    public WorkspaceStatusDto Status { get; private set; } = null!;

    [FromQuery(Name = "message")]
    public string? Message { get; set; }

    public static string Describe(TenantStatus status) => status switch
    {
        TenantStatus.Active => "Connected",
        TenantStatus.ConsentRevoked => "Consent revoked",
        _ => "Waiting for admin consent",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Message is "synced" or "revoked" or "unavailable" ? Describe(Message) : null;
        Status = await mediator.Send(new GetWorkspaceStatusQuery(), cancellationToken);
    }

    public async Task<IActionResult> OnPostSyncNowAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SyncDirectoryNowCommand(), cancellationToken);
        var message = result.Outcome switch
        {
            DirectoryImportOutcome.Completed => "synced",
            DirectoryImportOutcome.ConsentRevoked => "revoked",
            _ => "unavailable",
        };
        return RedirectToPage(new { message });
    }

    private static string Describe(string message) => message switch
    {
        "synced" => "The directory is up to date.",
        "revoked" => "Microsoft 365 refused access: consent was revoked.",
        _ => "Microsoft 365 could not be reached. WorkSights will retry.",
    };
}
