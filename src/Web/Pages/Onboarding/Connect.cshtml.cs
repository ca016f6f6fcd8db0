using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Onboarding.RequestAdminConsent;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages.Onboarding;

public sealed class ConnectModel(IMediator mediator) : PageModel
{
    public string Name => User.FindFirst(WorkSightsClaims.Name)?.Value ?? string.Empty;

    public string Email => User.FindFirst(WorkSightsClaims.Email)?.Value ?? string.Empty;

    public string Domain => EmailAddresses.DomainOf(Email);

    public string? Message { get; private set; }

    /// <summary>Members, Managers and Executives of a workspace do not change its connection; its Owner or an administrator does.</summary>
    public bool MayContinue => !Enum.TryParse<PersonRole>(User.FindFirst(WorkSightsClaims.Role)?.Value, out var role)
        || Policies.Allows(Policies.Administration, role);

    public void OnGet(string? outcome)
    {
        Message = outcome switch
        {
            null => null,
            "declined" => "The permissions were not accepted, so WorkSights was not connected. You can try again.",
            "rejected" => "The answer from Microsoft could not be verified, so nothing was changed. Please start the consent again.",
            _ => "Microsoft could not complete the consent. Please try again.",
        };
        if (!MayContinue)
        {
            Message = NotAllowedMessage;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var url = await mediator.Send(
                new RequestAdminConsentCommand(User.FindFirst(WorkSightsClaims.ExternalTenantId)!.Value, User.FindFirst(WorkSightsClaims.ObjectId)!.Value),
                cancellationToken);
            return Redirect(url.ToString());
        }
        catch (ForbiddenAccessException)
        {
            Message = NotAllowedMessage;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
    }

    private const string NotAllowedMessage =
        "You already belong to a connected workspace. Only its Owner or a Microsoft 365 administrator (Global Administrator or Privileged Role Administrator) can change its connection.";
}
