using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Domain.Common;
using WorkSights.Infrastructure.Hosting;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages.Onboarding;

public sealed class AdminRequiredModel(PublicAddress publicAddress) : PageModel
{
    public string Email => User.FindFirst(WorkSightsClaims.Email)?.Value ?? string.Empty;

    public string Domain => EmailAddresses.DomainOf(Email);

    /// <summary>WorkSights is connected, but nobody who proved to be an administrator has signed in to own the workspace.</summary>
    public bool ConnectedAwaitingOwner { get; private set; }

    public string ForwardLink => publicAddress.For("/SignUp").ToString();

    public string MailtoLink =>
        "mailto:?subject=" + Uri.EscapeDataString("Please connect WorkSights to our Microsoft 365")
        + "&body=" + Uri.EscapeDataString(
            $"Hi,\n\nI started connecting {Domain} to WorkSights. A Microsoft 365 administrator needs to approve its read-only permissions. " +
            $"Please open {ForwardLink}, choose \"Sign up with Microsoft 365\" and accept the permissions.\n\nThanks!");

    public void OnGet(string? reason) => ConnectedAwaitingOwner = reason == "finish";
}
