using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Onboarding.CompleteAdminConsent;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages.Onboarding;

/// <summary>Step 6: Microsoft sends the browser back here from its admin-consent page.</summary>
public sealed class ConsentCallbackModel(IMediator mediator) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "admin_consent")] string? adminConsent,
        [FromQuery(Name = "tenant")] string? tenant,
        [FromQuery(Name = "state")] string? state,
        [FromQuery(Name = "error")] string? error,
        [FromQuery(Name = "error_subcode")] string? errorSubcode,
        [FromQuery(Name = "error_description")] string? errorDescription,
        CancellationToken cancellationToken)
    {
        var tid = User.FindFirst(WorkSightsClaims.ExternalTenantId)!.Value;
        var oid = User.FindFirst(WorkSightsClaims.ObjectId)!.Value;
        var outcome = await mediator.Send(
            new CompleteAdminConsentCommand(tid, oid, state, adminConsent, tenant, error, errorSubcode, errorDescription),
            cancellationToken);

        switch (outcome.Result)
        {
            case AdminConsentResult.Granted:
                await SignInToWorkspaceAsync(outcome);
                return RedirectToPage("/Onboarding/Ready");
            case AdminConsentResult.Reconnected when outcome.PersonId is not null:
                await SignInToWorkspaceAsync(outcome);
                return Redirect(Policies.Allows(Policies.Administration, outcome.Role) ? "/Settings/Services?message=reconnected" : HomePage.For(User));
            case AdminConsentResult.AwaitingAdministrator:
                return RedirectToPage("/Onboarding/AdminRequired", new { reason = "finish" });
            case AdminConsentResult.NotAnAdmin:
                return RedirectToPage("/Onboarding/AdminRequired");
            case AdminConsentResult.Declined:
                return RedirectToPage("/Onboarding/Connect", new { outcome = "declined" });
            case AdminConsentResult.Rejected:
                return RedirectToPage("/Onboarding/Connect", new { outcome = "rejected" });
            case AdminConsentResult.ProviderError:
                Message = outcome.Message;
                Response.StatusCode = StatusCodes.Status502BadGateway;
                return Page();
            default:
                Message = outcome.Message;
                return Page();
        }
    }

    /// <summary>The session now names the workspace and the role the person holds in it; nothing the callback said does.</summary>
    private async Task SignInToWorkspaceAsync(AdminConsentOutcome outcome)
    {
        var principal = SessionPrincipal.Create(
            User.FindFirst(WorkSightsClaims.ExternalTenantId)!.Value,
            User.FindFirst(WorkSightsClaims.ObjectId)!.Value,
            User.FindFirst(WorkSightsClaims.Name)!.Value,
            User.FindFirst(WorkSightsClaims.Email)!.Value,
            outcome.TenantId,
            outcome.PersonId,
            outcome.Role);
        await HttpContext.SignInAsync(AuthenticationSchemes.Cookie, principal);
        HttpContext.User = principal;
    }
}
