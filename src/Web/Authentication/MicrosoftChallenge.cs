using Microsoft.AspNetCore.Authentication;
using WorkSights.Application.Onboarding.CompleteSignIn;

namespace WorkSights.Web.Authentication;

internal static class MicrosoftChallenge
{
    /// <summary>The intent travels inside the protected state, so the callback knows a sign-up from a sign-in.</summary>
    public static AuthenticationProperties Properties(SignInIntent intent, string? returnUrl = null)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnUrl ?? "/" };
        properties.Items[AuthenticationSchemes.IntentItem] = intent.ToString();
        return properties;
    }
}
