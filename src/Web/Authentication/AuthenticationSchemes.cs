namespace WorkSights.Web.Authentication;

public static class AuthenticationSchemes
{
    public const string Cookie = "WorkSights";
    public const string Microsoft = "Microsoft";
    public const string CookieName = "__Host-WorkSights";
    public const string IntentItem = "worksights.intent";
}
