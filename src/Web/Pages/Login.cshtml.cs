using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages;

public sealed class LoginModel : PageModel
{
    public string? Message { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? error, string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        Message = error switch
        {
            null => null,
            "no-access" => "Your organisation uses WorkSights, but you have not been given login access. Ask your workspace owner to grant it.",
            "cancelled" => "Sign-in was cancelled.",
            "incomplete" => "Microsoft did not tell us your work email address, so we could not sign you in.",
            _ => "Sign-in did not complete. Please try again.",
        };
    }

    public IActionResult OnPostMicrosoft(string? returnUrl) =>
        Challenge(MicrosoftChallenge.Properties(SignInIntent.Login, Url.IsLocalUrl(returnUrl) ? returnUrl : null), AuthenticationSchemes.Microsoft);
}
