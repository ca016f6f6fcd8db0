using System.Text;

namespace WorkSights.Sandbox;

/// <summary>HTML for the sign-in, consent and error pages (Microsoft identity platform look-alike, clearly marked as a sandbox).</summary>
internal static class Pages
{
    private const string Style = """
        <style>
          :root { color-scheme: light; }
          * { box-sizing: border-box; }
          body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; background: #f2f2f2; color: #1b1b1b; }
          main { max-width: 440px; margin: 48px auto; background: #fff; padding: 40px 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
          main.wide { max-width: 720px; }
          .brand { font-size: .85rem; color: #5e5e5e; margin: 0 0 16px; }
          .brand strong { color: #0067b8; }
          h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 16px; }
          h2 { font-size: 1.1rem; font-weight: 600; margin: 24px 0 8px; }
          label { display: block; margin: 12px 0 4px; font-weight: 600; }
          input[type=text], input[type=email] { width: 100%; padding: 8px 4px; font-size: 1rem; border: 0; border-bottom: 1px solid #666; }
          input:focus, button:focus, a:focus { outline: 2px solid #0067b8; outline-offset: 2px; }
          button, .button { display: inline-block; min-width: 108px; padding: 8px 12px; font-size: .95rem; border: 1px solid #8a8a8a; background: #fff; color: #1b1b1b; cursor: pointer; text-decoration: none; margin: 4px 4px 4px 0; }
          button.primary, .button.primary { background: #0067b8; border-color: #0067b8; color: #fff; }
          .accounts { list-style: none; padding: 0; margin: 8px 0 0; }
          .accounts li { margin: 0; }
          .accounts button { width: 100%; text-align: left; border: 0; border-bottom: 1px solid #e1e1e1; padding: 10px 4px; }
          .accounts button:hover { background: #f2f2f2; }
          .muted { color: #5e5e5e; font-size: .85rem; }
          .error { color: #a80000; background: #fde7e9; padding: 8px 12px; border-left: 4px solid #a80000; }
          .perm { border-bottom: 1px solid #e1e1e1; padding: 8px 0; }
          .perm code { font-size: .85rem; color: #5e5e5e; }
          table { border-collapse: collapse; width: 100%; font-size: .9rem; }
          th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e1e1e1; vertical-align: top; }
          .actions { margin-top: 24px; text-align: right; }
        </style>
        """;

    public static string Layout(string title, string body, bool wide = false)
    {
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Http.E(title)} – Microsoft identity platform (sandbox)</title>
            {Style}
            </head>
            <body>
            <main class="{(wide ? "wide" : string.Empty)}">
            <p class="brand"><strong>Microsoft identity platform (sandbox)</strong> · WorkSights emulator, not a real Microsoft service</p>
            {body}
            </main>
            </body>
            </html>
            """;
    }

    public static string Picker(string action, IEnumerable<(string Email, string Label)> quickPicks, string? error, string? loginHint, string heading = "Sign in")
    {
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Http.E(heading)).Append("</h1>");
        if (error is not null)
        {
            sb.Append("<p class=\"error\" role=\"alert\" id=\"signin-error\">").Append(Http.E(error)).Append("</p>");
        }

        sb.Append("<form id=\"signin-form\" method=\"post\" action=\"").Append(Http.E(action)).Append("\">")
          .Append("<label for=\"login\">Email or username</label>")
          .Append("<input type=\"email\" id=\"login\" name=\"login\" autocomplete=\"username\" required value=\"").Append(Http.E(loginHint)).Append("\">")
          .Append("<p class=\"muted\">No password is needed in the sandbox.</p>")
          .Append("<div class=\"actions\"><button type=\"submit\" id=\"next\" class=\"primary\">Next</button></div>")
          .Append("</form>");
        sb.Append("<h2 id=\"pick-heading\">Or pick an account</h2>")
          .Append("<form id=\"pick-form\" method=\"post\" action=\"").Append(Http.E(action)).Append("\" aria-labelledby=\"pick-heading\"><ul class=\"accounts\">");
        foreach (var (email, label) in quickPicks)
        {
            sb.Append("<li><button type=\"submit\" name=\"login\" value=\"").Append(Http.E(email)).Append("\" data-account=\"").Append(Http.E(email)).Append("\">")
              .Append(Http.E(label)).Append("<br><span class=\"muted\">").Append(Http.E(email)).Append("</span></button></li>");
        }

        sb.Append("</ul></form>");
        return Layout(heading, sb.ToString());
    }

    public static string Error(string code, string title, string message, string? detail = null)
    {
        var body = $"""
            <h1>{Http.E(title)}</h1>
            <p class="error" role="alert" id="error-code">AADSTS{Http.E(code)}: {Http.E(message)}</p>
            {(detail is null ? string.Empty : $"<p class=\"muted\">{Http.E(detail)}</p>")}
            """;
        return Layout(title, body);
    }

    public static string FormPost(string redirectUri, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Signing you in…</h1><form id=\"form-post\" method=\"post\" action=\"").Append(Http.E(redirectUri)).Append("\">");
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                sb.Append("<input type=\"hidden\" name=\"").Append(Http.E(key)).Append("\" value=\"").Append(Http.E(value)).Append("\">");
            }
        }

        sb.Append("<p class=\"muted\">If nothing happens, select Continue.</p><button type=\"submit\" id=\"continue\" class=\"primary\">Continue</button></form>")
          .Append("<script>document.getElementById('form-post').submit();</script>");
        return Layout("Signing in", sb.ToString());
    }

    public static string ConsentReview(string action, SandboxClientApp app, SandboxUser user, SandboxTenantInfo tenant)
    {
        var sb = new StringBuilder();
        sb.Append("<p class=\"muted\">").Append(Http.E(user.UserPrincipalName)).Append("</p>")
          .Append("<h1>Permissions requested</h1>")
          .Append("<p><strong>Review for your organization</strong></p>")
          .Append("<p><strong id=\"app-name\">").Append(Http.E(app.DisplayName)).Append("</strong><br><span class=\"muted\">unverified · App ID ")
          .Append(Http.E(app.ClientId)).Append("</span></p>")
          .Append("<p>This app would like to:</p><ul id=\"permissions\" class=\"accounts\">");
        foreach (var p in SandboxDirectory.RequestedPermissions)
        {
            sb.Append("<li class=\"perm\" data-permission=\"").Append(Http.E(p.Value)).Append("\">").Append(Http.E(p.Description))
              .Append("<br><code>").Append(Http.E(p.Resource)).Append(" · ").Append(Http.E(p.Value)).Append(" (application, read-only)</code></li>");
        }

        sb.Append("</ul><p class=\"muted\">If you accept, this app will get access to the specified resources for all users in ")
          .Append(Http.E(tenant.DisplayName))
          .Append(". No one else will be prompted to review these permissions. You can change these permissions in the sandbox admin centre.</p>")
          .Append("<form id=\"consent-form\" method=\"post\" action=\"").Append(Http.E(action)).Append("\"><div class=\"actions\">")
          .Append("<button type=\"submit\" id=\"cancel\" name=\"decision\" value=\"cancel\">Cancel</button>")
          .Append("<button type=\"submit\" id=\"accept\" name=\"decision\" value=\"accept\" class=\"primary\">Accept</button>")
          .Append("</div></form>");
        return Layout("Permissions requested", sb.ToString());
    }

    public static string NeedApproval(string action, SandboxClientApp app, SandboxUser user)
    {
        var sb = new StringBuilder();
        sb.Append("<p class=\"muted\">").Append(Http.E(user.UserPrincipalName)).Append("</p>")
          .Append("<h1>Need admin approval</h1>")
          .Append("<p><strong id=\"app-name\">").Append(Http.E(app.DisplayName)).Append("</strong></p>")
          .Append("<p id=\"explanation\">").Append(Http.E(app.DisplayName))
          .Append(" needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>")
          .Append("<p class=\"muted\">AADSTS90094: An administrator of your organization must approve this app. Only a Global Administrator or a Privileged Role Administrator can grant these permissions.</p>")
          .Append("<h2>Requested permissions</h2><ul id=\"permissions\">");
        foreach (var p in SandboxDirectory.RequestedPermissions)
        {
            sb.Append("<li data-permission=\"").Append(Http.E(p.Value)).Append("\">").Append(Http.E(p.Description)).Append(" <code>(").Append(Http.E(p.Value)).Append(")</code></li>");
        }

        sb.Append("</ul><form id=\"approval-form\" method=\"post\" action=\"").Append(Http.E(action)).Append("\"><div class=\"actions\">")
          .Append("<button type=\"submit\" id=\"back-to-app\" name=\"decision\" value=\"back\" class=\"primary\">Back to app</button>")
          .Append("</div></form>");
        return Layout("Need admin approval", sb.ToString());
    }

    public static string SignedOut() => Layout("Signed out", "<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>");
}
