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

    /// <summary>The e-mail a sign-in link from a person's page suggests (<c>?login_hint=</c>); Microsoft pre-fills it.</summary>
    public string? LoginHint { get; private set; }

    public void OnGet(string? error, string? returnUrl, [FromQuery(Name = "login_hint")] string? loginHint)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        LoginHint = AsLoginHint(loginHint);
        Message = error switch
        {
            null => null,
            "no-access" => "Your organisation uses WorkSights, but you have not been given login access. Ask your workspace owner to grant it.",
            "cancelled" => "Sign-in was cancelled.",
            "incomplete" => "Microsoft did not tell us your work email address, so we could not sign you in.",
            _ => "Sign-in did not complete. Please try again.",
        };
    }

    public IActionResult OnPostMicrosoft(string? returnUrl, string? loginHint)
    {
        var properties = MicrosoftChallenge.Properties(SignInIntent.Login, Url.IsLocalUrl(returnUrl) ? returnUrl : null);
        if (AsLoginHint(loginHint) is { } hint)
        {
            properties.Items[AuthenticationSchemes.LoginHintItem] = hint;
        }

        return Challenge(properties, AuthenticationSchemes.Microsoft);
    }

    /// <summary>A hint is only ever an e-mail address: anything else is dropped.</summary>
    private static string? AsLoginHint(string? value) =>
        value is { Length: > 2 and <= 320 } && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value ? value : null;
}
