using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Accounts.DeleteWorkspace;
using WorkSights.Application.Accounts.ExportWorkspace;
using WorkSights.Web.Authentication;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings;

/// <summary>
/// The Account page's export and delete section posts here: the export answers with the zip, the deletion with its
/// receipt, shown this once (the workspace and its audit log are gone, and the Owner is signed out).
/// </summary>
public sealed class WorkspaceDataModel(IMediator mediator) : PageModel
{
    public const string RefusalKey = "WorkspaceDataRefusal";

    public WorkspaceDeletionReceipt? Receipt { get; private set; }

    public IActionResult OnGet() => Redirect("/Settings/Account#workspace-data");

    public async Task<IActionResult> OnPostExportAsync([FromForm] ExportFormat format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(format))
        {
            return Refused("Choose CSV or JSON.");
        }

        return new ZipExportResult(await mediator.Send(new ExportWorkspaceCommand(format), cancellationToken));
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromForm] string? confirmationName, CancellationToken cancellationToken)
    {
        var (sent, receipt) = await mediator.TrySendForResultAsync(ModelState, "Delete", () => new DeleteWorkspaceCommand(confirmationName), cancellationToken);
        if (!sent)
        {
            return Refused(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "The workspace was not deleted.");
        }

        await HttpContext.SignOutAsync(AuthenticationSchemes.Cookie);
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        Receipt = receipt;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private RedirectResult Refused(string reason)
    {
        TempData[RefusalKey] = reason;
        return Redirect("/Settings/Account#workspace-data");
    }
}
