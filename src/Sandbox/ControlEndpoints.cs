using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>The emulator's own admin surface under /sandbox (JSON in/out; forms from the /sandbox page redirect back).</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, SandboxState state)
    {
        var d = state.Directory;
        app.MapGet("/sandbox", ctx => Http.HtmlAsync(ctx, 200, AdminPage(state)));
        app.MapGet("/sandbox/tenants", ctx => Http.JsonAsync(ctx, 200, new JsonArray([.. d.GetTenants().Select(t => (JsonNode?)TenantJson(t))])));
        app.MapGet("/sandbox/apps", ctx => Http.JsonAsync(ctx, 200, new JsonArray([.. d.GetApps().Select(a => (JsonNode?)new JsonObject
        {
            ["clientId"] = a.ClientId,
            ["displayName"] = a.DisplayName,
            ["redirectUris"] = new JsonArray([.. a.RedirectUris.Select(r => (JsonNode?)r)]),
        })])));
        app.MapPost("/sandbox/apps", Unsafe(state, async (ctx, f) =>
        {
            var uris = (f.GetValueOrDefault("redirectUris") ?? string.Empty).Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.Trim('"')).ToList();
            var app = new SandboxClientApp(Required(f, "clientId"), Required(f, "clientSecret"), f.GetValueOrDefault("displayName") ?? Required(f, "clientId"), uris);
            d.RegisterApp(app);
            await Respond(ctx, new JsonObject { ["clientId"] = app.ClientId }).ConfigureAwait(false);
        }));
        app.MapGet("/sandbox/tenants/{tenantId}/users", ctx =>
            Http.JsonAsync(ctx, 200, new JsonArray([.. d.GetUsers(Route(ctx, "tenantId")).Select(u => (JsonNode?)UserJson(u))])));
        app.MapPost("/sandbox/tenants/{tenantId}/users", Unsafe(state, (ctx, f) =>
            Respond(ctx, UserJson(d.AddUser(Route(ctx, "tenantId"), Required(f, "displayName"), f.GetValueOrDefault("department"), f.GetValueOrDefault("jobTitle"), f.GetValueOrDefault("managerId"),
                f.GetValueOrDefault("mailboxPurpose"), f.GetValueOrDefault("guestMail"))), 201)));
        RequestDelegate update = Unsafe(state, (ctx, f) =>
            Respond(ctx, UserJson(d.UpdateUser(Route(ctx, "tenantId"), Route(ctx, "userId"), f.GetValueOrDefault("department"), f.GetValueOrDefault("jobTitle"), f.GetValueOrDefault("displayName"), f.GetValueOrDefault("managerId"),
                f.GetValueOrDefault("accountEnabled") is { } enabled ? bool.Parse(enabled) : null, f.GetValueOrDefault("mailboxPurpose")))));
        app.MapMethods("/sandbox/tenants/{tenantId}/users/{userId}", ["PATCH"], update);
        app.MapPost("/sandbox/tenants/{tenantId}/users/{userId}/update", update);
        RequestDelegate remove = Unsafe(state, (ctx, f) =>
        {
            var soft = string.Equals(f.GetValueOrDefault("soft"), "true", StringComparison.OrdinalIgnoreCase);
            d.RemoveUser(Route(ctx, "tenantId"), Route(ctx, "userId"), soft);
            return Respond(ctx, new JsonObject { ["removed"] = Route(ctx, "userId"), ["reason"] = soft ? "changed" : "deleted" });
        });
        app.MapDelete("/sandbox/tenants/{tenantId}/users/{userId}", remove);
        app.MapPost("/sandbox/tenants/{tenantId}/users/{userId}/delete", remove);
        app.MapPost("/sandbox/tenants/{tenantId}/users/{userId}/restore", Unsafe(state, (ctx, _) =>
            Respond(ctx, UserJson(d.RestoreUser(Route(ctx, "tenantId"), Route(ctx, "userId"))))));
        app.MapPost("/sandbox/tenants/{tenantId}/apps/{clientId}/grant", Unsafe(state, (ctx, f) =>
        {
            var only = f.GetValueOrDefault("permissions")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Respond(ctx, ConsentJson(d.GrantConsent(Route(ctx, "tenantId"), Route(ctx, "clientId"), only)));
        }));
        app.MapPost("/sandbox/tenants/{tenantId}/apps/{clientId}/revoke", Unsafe(state, (ctx, _) =>
            Respond(ctx, ConsentJson(d.RevokeConsent(Route(ctx, "tenantId"), Route(ctx, "clientId"))))));
        app.MapPost("/sandbox/tenants/{tenantId}/apps/{clientId}/delete-service-principal", Unsafe(state, (ctx, _) =>
            Respond(ctx, ConsentJson(d.DeleteServicePrincipal(Route(ctx, "tenantId"), Route(ctx, "clientId"))))));
        app.MapGet("/sandbox/tenants/{tenantId}/entra-premium", ctx =>
            Http.JsonAsync(ctx, 200, PremiumJson(d, Route(ctx, "tenantId"))));
        app.MapPost("/sandbox/tenants/{tenantId}/entra-premium", Unsafe(state, (ctx, f) =>
        {
            var enabled = Required(f, "enabled");
            d.SetEntraPremium(Route(ctx, "tenantId"), enabled is "true" or "True" or "on" or "1");
            return Respond(ctx, PremiumJson(d, Route(ctx, "tenantId")));
        }));
        app.MapGet("/sandbox/call-records/shape", ctx => Http.JsonAsync(ctx, 200, ShapeJson(state)));
        app.MapPost("/sandbox/call-records/shape", Unsafe(state, (ctx, f) =>
        {
            if (!Enum.TryParse<SandboxCallRecordShape>(f.GetValueOrDefault("shape"), ignoreCase: true, out var shape) || !Enum.IsDefined(shape) || int.TryParse(f["shape"], out _))
            {
                return Http.JsonAsync(ctx, 400, new JsonObject { ["error"] = "invalid_shape", ["message"] = "shape is both, current or deprecated." });
            }

            state.CallRecordShape = shape;
            return Respond(ctx, ShapeJson(state));
        }));
        app.MapPost("/sandbox/sign-ins/rate-limit", Unsafe(state, (ctx, f) =>
        {
            state.SignInThrottle.Limit = int.Parse(Required(f, "requestsPer10Seconds"), NumberStyles.None, CultureInfo.InvariantCulture);
            return Respond(ctx, new JsonObject { ["requestsPer10Seconds"] = state.SignInThrottle.Limit });
        }));

        app.MapGet("/sandbox/tenants/{tenantId}/audit-log", ctx => Respond(ctx, AuditLogJson(state, Route(ctx, "tenantId"))));
        app.MapPost("/sandbox/tenants/{tenantId}/audit-log", Unsafe(state, (ctx, f) =>
        {
            var tenantId = Route(ctx, "tenantId");
            d.Roster(tenantId);
            state.AuditLog.SetEnabled(tenantId, bool.Parse(Required(f, "enabled")));
            return Respond(ctx, AuditLogJson(state, tenantId));
        }));

        app.MapGet("/sandbox/faults", ctx => Http.JsonAsync(ctx, 200, FaultsJson(state)));
        app.MapPost("/sandbox/faults/id-token", Unsafe(state, (ctx, f) =>
        {
            state.Faults.NextIdToken = Enum.Parse<SandboxIdTokenFault>(Required(f, "fault"), ignoreCase: true);
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/expire-delta-tokens", Unsafe(state, (ctx, _) =>
        {
            state.Faults.ExpireAllDeltaTokens();
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/throttle", Unsafe(state, (ctx, f) =>
        {
            state.Faults.Throttle(Int(f, "requests", 1), Int(f, "retryAfterSeconds", 2));
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/failure-rate", Unsafe(state, (ctx, f) =>
        {
            state.Faults.FailureRate(double.Parse(Required(f, "probability"), CultureInfo.InvariantCulture), Int(f, "statusCode", 503));
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/latency", Unsafe(state, (ctx, f) =>
        {
            state.Faults.Latency(TimeSpan.FromMilliseconds(Int(f, "milliseconds", 0)));
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/malformed-json", Unsafe(state, (ctx, f) =>
        {
            state.Faults.MalformedJson(Int(f, "count", 1));
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/seed", Unsafe(state, (ctx, f) =>
        {
            state.Faults.Seed = Int(f, "seed", 0);
            return Respond(ctx, FaultsJson(state));
        }));
        app.MapPost("/sandbox/faults/reset", Unsafe(state, (ctx, _) =>
        {
            state.Faults.Reset();
            return Respond(ctx, FaultsJson(state));
        }));

        app.MapPost("/sandbox/reset", Unsafe(state, (ctx, _) =>
        {
            state.Reset();
            return Respond(ctx, new JsonObject { ["reset"] = true, ["stateFile"] = state.StateFile.Path });
        }));

        app.MapGet("/sandbox/requests", ctx => Http.JsonAsync(ctx, 200, new JsonArray([.. state.RequestLog.Entries.Select(e => (JsonNode?)new JsonObject
        {
            ["timestampUtc"] = Http.Iso(e.TimestampUtc),
            ["scheme"] = e.Scheme,
            ["method"] = e.Method,
            ["pathAndQuery"] = e.PathAndQuery,
            ["statusCode"] = e.StatusCode,
            ["hadAuthorizationHeader"] = e.HadAuthorizationHeader,
            ["prefer"] = e.Prefer,
            ["retryAfter"] = e.RetryAfter,
        })])));
        RequestDelegate clear = Unsafe(state, (ctx, _) =>
        {
            state.RequestLog.Clear();
            return Respond(ctx, new JsonObject { ["cleared"] = true });
        });
        app.MapDelete("/sandbox/requests", clear);
        app.MapPost("/sandbox/requests/clear", clear);
    }

    /// <summary>State-changing control call: same-origin check, then form/JSON fields.</summary>
    private static RequestDelegate Unsafe(SandboxState state, Func<HttpContext, Dictionary<string, string?>, Task> handler) => async ctx =>
    {
        var origin = ctx.Request.Headers.Origin.ToString();
        var fetchSite = ctx.Request.Headers["Sec-Fetch-Site"].ToString();
        var self = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
        if ((origin.Length > 0 && !string.Equals(origin, self, StringComparison.OrdinalIgnoreCase)) ||
            (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none")))
        {
            await Http.JsonAsync(ctx, 403, new JsonObject { ["error"] = "forbidden", ["message"] = "Cross-origin calls to the sandbox controls are refused." }).ConfigureAwait(false);
            return;
        }

        var fields = await Http.ReadFieldsAsync(ctx).ConfigureAwait(false);
        await handler(ctx, fields).ConfigureAwait(false);
        _ = state;
    };

    private static JsonObject AuditLogJson(SandboxState state, string tenantId) => new()
    {
        ["tenantId"] = tenantId,
        ["enabled"] = state.AuditLog.IsEnabled(tenantId),
        ["subscriptions"] = new JsonArray([.. state.AuditLog.Subscriptions(tenantId).Select(s => (JsonNode?)new JsonObject
        {
            ["contentType"] = s.ContentType,
            ["status"] = s.Status,
            ["enabledSince"] = Http.Iso(s.EnabledSince),
        })]),
    };

    private static Task Respond(HttpContext ctx, JsonNode body, int status = 200)
    {
        if (ctx.Request.HasFormContentType)
        {
            Http.Redirect(ctx, "/sandbox", StatusCodes.Status303SeeOther);
            return Task.CompletedTask;
        }

        return Http.JsonAsync(ctx, status, body);
    }

    private static string Route(HttpContext ctx, string name) => (string)ctx.Request.RouteValues[name]!;

    private static string Required(Dictionary<string, string?> fields, string name) =>
        fields.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw new ArgumentException($"The field '{name}' is required.", name);

    private static int Int(Dictionary<string, string?> fields, string name, int fallback) =>
        int.TryParse(fields.GetValueOrDefault(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static JsonObject FaultsJson(SandboxState state) => new()
    {
        ["nextIdToken"] = state.Faults.NextIdToken.ToString(),
        ["throttledRequestsRemaining"] = state.Faults.ThrottledRequestsRemaining,
        ["deltaTokenEpoch"] = state.Faults.DeltaEpoch,
        ["seed"] = state.Faults.Seed,
        ["failureProbability"] = state.Faults.FailureProbability,
        ["failureStatusCode"] = state.Faults.FailureStatusCode,
        ["latencyMilliseconds"] = (int)state.Faults.LatencyDelay.TotalMilliseconds,
        ["malformedJsonRemaining"] = state.Faults.MalformedJsonRemaining,
    };

    private static JsonObject ShapeJson(SandboxState state) => new() { ["shape"] = state.CallRecordShape.ToString().ToLowerInvariant() };

    private static JsonObject PremiumJson(SandboxDirectory d, string tenantId) =>
        new() { ["tenantId"] = tenantId, ["entraPremium"] = d.HasEntraPremium(tenantId) };

    private static JsonObject TenantJson(SandboxTenantState t) => new()
    {
        ["tenantId"] = t.Info.TenantId,
        ["displayName"] = t.Info.DisplayName,
        ["primaryDomain"] = t.Info.PrimaryDomain,
        ["verifiedDomains"] = new JsonArray([.. t.VerifiedDomains.Select(v => (JsonNode?)v)]),
        ["adminEmail"] = t.Info.AdminEmail,
        ["adminCanGrantConsent"] = t.Info.AdminCanGrantConsent,
        ["memberEmail"] = t.Info.MemberEmail,
        ["userCount"] = t.UserCount,
        ["apps"] = new JsonArray([.. t.Apps.Select(a => (JsonNode?)ConsentJson(a))]),
    };

    private static JsonObject ConsentJson(SandboxAppConsent a) => new()
    {
        ["clientId"] = a.ClientId,
        ["displayName"] = a.DisplayName,
        ["state"] = a.State.ToString(),
        ["servicePrincipalId"] = a.ServicePrincipalId,
        ["roles"] = new JsonArray([.. a.Roles.Select(r => (JsonNode?)r)]),
    };

    private static JsonObject UserJson(SandboxUser u) => new()
    {
        ["id"] = u.Id,
        ["displayName"] = u.DisplayName,
        ["givenName"] = u.GivenName,
        ["surname"] = u.Surname,
        ["mail"] = u.Mail,
        ["userPrincipalName"] = u.UserPrincipalName,
        ["mailNickname"] = u.MailNickname,
        ["jobTitle"] = u.JobTitle,
        ["department"] = u.Department,
        ["officeLocation"] = u.OfficeLocation,
        ["city"] = u.City,
        ["country"] = u.Country,
        ["usageLocation"] = u.UsageLocation,
        ["userType"] = u.UserType,
        ["accountEnabled"] = u.AccountEnabled,
        ["mailboxPurpose"] = u.MailboxPurpose,
        ["managerId"] = u.ManagerId,
        ["licenseSkuIds"] = new JsonArray([.. u.AssignedLicenseSkuIds.Select(s => (JsonNode?)s)]),
        ["directoryRoleIds"] = new JsonArray([.. u.DirectoryRoleIds.Select(s => (JsonNode?)s)]),
        ["createdDateTime"] = Http.Iso(u.CreatedDateTime),
    };

    private static string AdminPage(SandboxState state)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Sandbox admin centre</h1><p class=\"muted\">Emulated tenants, consent and faults. JSON: <a href=\"/sandbox/tenants\">/sandbox/tenants</a>, <a href=\"/sandbox/requests\">/sandbox/requests</a>, <a href=\"/sandbox/faults\">/sandbox/faults</a>.</p>");
        foreach (var t in state.Directory.GetTenants())
        {
            sb.Append("<h2>").Append(Http.E(t.Info.DisplayName)).Append("</h2><p class=\"muted\">")
              .Append(Http.E(t.Info.TenantId)).Append(" · ").Append(Http.E(string.Join(", ", t.VerifiedDomains))).Append(" · ")
              .Append(t.UserCount.ToString(CultureInfo.InvariantCulture)).Append(" users · ")
              .Append(t.Info.AdminCanGrantConsent ? "admin " : "IT lead (no admin role) ").Append(Http.E(t.Info.AdminEmail)).Append(" · member ").Append(Http.E(t.Info.MemberEmail))
              .Append(" · <a href=\"/sandbox/tenants/").Append(Http.E(t.Info.TenantId)).Append("/users\">users (JSON)</a></p>");
            var tenantPath = $"/sandbox/tenants/{Uri.EscapeDataString(t.Info.TenantId)}";
            var auditOn = state.AuditLog.IsEnabled(t.Info.TenantId);
            var premium = state.Directory.HasEntraPremium(t.Info.TenantId);
            sb.Append("<div>Unified audit log: ").Append(auditOn ? "on" : "off")
              .Append(" <form method=\"post\" action=\"").Append(Http.E($"{tenantPath}/audit-log")).Append("\" style=\"display:inline\"><input type=\"hidden\" name=\"enabled\" value=\"")
              .Append(auditOn ? "false" : "true").Append("\"><button type=\"submit\">Turn audit log ").Append(auditOn ? "off" : "on").Append("</button></form>")
              .Append(" · Entra ID P1/P2 (sign-in log): ").Append(premium ? "yes" : "no")
              .Append(" <form method=\"post\" action=\"").Append(Http.E($"{tenantPath}/entra-premium")).Append("\" style=\"display:inline\"><input type=\"hidden\" name=\"enabled\" value=\"")
              .Append(premium ? "false" : "true").Append("\"><button type=\"submit\">").Append(premium ? "Remove licence" : "Add licence").Append("</button></form></div>");
            if (t.Apps.Count == 0)
            {
                sb.Append("<p>No apps registered.</p>");
                continue;
            }

            sb.Append("<table><thead><tr><th scope=\"col\">App</th><th scope=\"col\">Consent</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
            foreach (var a in t.Apps)
            {
                var basePath = $"/sandbox/tenants/{Uri.EscapeDataString(t.Info.TenantId)}/apps/{Uri.EscapeDataString(a.ClientId)}";
                sb.Append("<tr><td>").Append(Http.E(a.DisplayName)).Append("<br><span class=\"muted\">").Append(Http.E(a.ClientId)).Append("</span></td><td data-consent-state=\"")
                  .Append(a.State.ToString()).Append("\">").Append(a.State.ToString()).Append("<br><span class=\"muted\">")
                  .Append(Http.E(string.Join(", ", a.Roles))).Append("</span></td><td>");
                foreach (var (action, label) in new[] { ("grant", "Grant / restore consent"), ("revoke", "Revoke permissions"), ("delete-service-principal", "Delete service principal") })
                {
                    sb.Append("<form method=\"post\" action=\"").Append(Http.E($"{basePath}/{action}")).Append("\" style=\"display:inline\"><button type=\"submit\">")
                      .Append(Http.E(label)).Append("</button></form>");
                }

                sb.Append("<form method=\"post\" action=\"").Append(Http.E($"{basePath}/grant")).Append("\"><label>Grant only <input type=\"text\" name=\"permissions\" size=\"40\" value=\"")
                  .Append(Http.E(string.Join(',', SandboxDirectory.RequestedPermissions.Take(2).Select(p => p.Value)))).Append("\"></label> <button type=\"submit\">Grant some</button></form>");
                sb.Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("<h2>Faults</h2><p class=\"muted\">Next id_token fault: ").Append(state.Faults.NextIdToken.ToString())
          .Append(" · throttled Graph requests left: ").Append(state.Faults.ThrottledRequestsRemaining.ToString(CultureInfo.InvariantCulture)).Append("</p>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/id-token\"><label for=\"fault\">Next id_token</label><select id=\"fault\" name=\"fault\">");
        foreach (var f in Enum.GetNames<SandboxIdTokenFault>())
        {
            sb.Append("<option>").Append(f).Append("</option>");
        }

        sb.Append("</select> <button type=\"submit\">Arm</button></form>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/throttle\"><label for=\"requests\">Throttle next Graph requests</label><input type=\"text\" id=\"requests\" name=\"requests\" value=\"3\"> <label for=\"retryAfterSeconds\">Retry-After (s)</label><input type=\"text\" id=\"retryAfterSeconds\" name=\"retryAfterSeconds\" value=\"2\"> <button type=\"submit\">Throttle</button></form>")
          .Append("<p class=\"muted\">Failure rate: ").Append(state.Faults.FailureProbability.ToString(CultureInfo.InvariantCulture)).Append(" → ").Append(state.Faults.FailureStatusCode.ToString(CultureInfo.InvariantCulture))
          .Append(" · latency ").Append(((int)state.Faults.LatencyDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" ms · malformed JSON left ").Append(state.Faults.MalformedJsonRemaining.ToString(CultureInfo.InvariantCulture))
          .Append(" · seed ").Append(state.Faults.Seed.ToString(CultureInfo.InvariantCulture)).Append("</p>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/failure-rate\"><label for=\"probability\">Graph failure probability (0–1)</label><input type=\"text\" id=\"probability\" name=\"probability\" value=\"0.2\"> <label for=\"statusCode\">Status (503/504)</label><input type=\"text\" id=\"statusCode\" name=\"statusCode\" value=\"503\"> <button type=\"submit\">Set failure rate</button></form>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/latency\"><label for=\"milliseconds\">Graph latency (ms)</label><input type=\"text\" id=\"milliseconds\" name=\"milliseconds\" value=\"500\"> <button type=\"submit\">Set latency</button></form>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/malformed-json\"><label for=\"count\">Malformed JSON responses</label><input type=\"text\" id=\"count\" name=\"count\" value=\"1\"> <button type=\"submit\">Corrupt next responses</button></form>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/seed\"><label for=\"seed\">Fault seed</label><input type=\"text\" id=\"seed\" name=\"seed\" value=\"0\"> <button type=\"submit\">Set seed</button></form>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/expire-delta-tokens\"><button type=\"submit\">Expire all delta tokens</button></form>")
          .Append("<form method=\"post\" action=\"/sandbox/faults/reset\"><button type=\"submit\">Reset faults</button></form>")
          .Append("<h2>Saved state</h2><p class=\"muted\">")
          .Append(state.StateFile.Path is { } file
              ? "Consent, apps, directory changes, licences, audit logging, feed subscriptions and token keys are kept in " + Http.E(file) + " and survive a restart."
              : "Nothing is kept: this sandbox has no data directory and starts from the seed each time.")
          .Append("</p><form method=\"post\" action=\"/sandbox/reset\"><button type=\"submit\" id=\"reset-sandbox\">Reset sandbox to its seed</button> <span class=\"muted\">forgets consent, added apps, directory changes and every delta, skip and continuation token it issued</span></form>");
        return Pages.Layout("Sandbox admin centre", sb.ToString(), wide: true);
    }
}
