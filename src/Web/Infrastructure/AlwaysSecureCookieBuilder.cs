namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Marks the cookie Secure whatever the request's scheme. Antiforgery throws on <see cref="CookieSecurePolicy.Always"/>
/// over plain HTTP, which the loopback development host and a proxy that terminates TLS without forwarding the scheme
/// both are; browsers keep Secure cookies from http://localhost, so the flag costs development nothing.
/// </summary>
internal sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
