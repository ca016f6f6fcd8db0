namespace WorkSights.Web.Authentication;

public static class AuthenticationSchemes
{
    public const string Cookie = "WorkSights";

    /// <summary>The default: an API call with a bearer token goes to <see cref="ApiTokenAuthenticationHandler"/>, everything else to the cookie.</summary>
    public const string Select = "WorkSights.Select";
    public const string Microsoft = "Microsoft";
    public const string CookieName = "__Host-WorkSights";
    public const string IntentItem = "worksights.intent";

    /// <summary>The e-mail a sign-in link suggests, passed to Microsoft as <c>login_hint</c>.</summary>
    public const string LoginHintItem = "worksights.login_hint";
}
