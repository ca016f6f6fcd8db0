using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages;

public sealed class SignUpModel : PageModel
{
    public bool NoWorkspace { get; private set; }

    public void OnGet(string? reason) => NoWorkspace = reason == "no-workspace";

    public IActionResult OnPostMicrosoft() =>
        Challenge(MicrosoftChallenge.Properties(SignInIntent.SignUp), AuthenticationSchemes.Microsoft);
}
