using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Onboarding.RequestAdminConsent;
using WorkSights.Domain.Common;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages.Onboarding;

public sealed class ConnectModel(IMediator mediator) : PageModel
{
    public string Name => User.FindFirst(WorkSightsClaims.Name)?.Value ?? string.Empty;

    public string Email => User.FindFirst(WorkSightsClaims.Email)?.Value ?? string.Empty;

    public string Domain => EmailAddresses.DomainOf(Email);

    public string? Message { get; private set; }

    public void OnGet(string? outcome) => Message = outcome switch
    {
        null => null,
        "declined" => "The permissions were not accepted, so WorkSights was not connected. You can try again.",
        "rejected" => "The answer from Microsoft could not be verified, so nothing was changed. Please start the consent again.",
        _ => "Microsoft could not complete the consent. Please try again.",
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var url = await mediator.Send(
            new RequestAdminConsentCommand(User.FindFirst(WorkSightsClaims.ExternalTenantId)!.Value, User.FindFirst(WorkSightsClaims.ObjectId)!.Value),
            cancellationToken);
        return Redirect(url.ToString());
    }
}
