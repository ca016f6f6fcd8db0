using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Accounts.CreateApiKey;
using WorkSights.Application.Accounts.GetApiKeys;
using WorkSights.Application.Accounts.RevokeApiKey;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Domain.ApiKeys;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings;

/// <summary>
/// API keys (Owner and Technical Admin): the workspace's keys for integrations, a form that creates one, and revocation
/// after a confirmation. Creating follows post/redirect/get: the post answers 303 See Other to this page and hands the new
/// secret over in TempData (a data-protected cookie, removed once read), so the page that follows shows it exactly once,
/// and neither a refresh nor the back button posts the form again or shows the secret a second time.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ApiKeysModel(IMediator mediator) : PageModel
{
    public const string FormName = nameof(Input);

    private const string NewKeyName = "ApiKeys.New.Name";
    private const string NewKeyClientId = "ApiKeys.New.ClientId";
    private const string NewKeySecret = "ApiKeys.New.Secret";

    public static readonly IReadOnlyList<(string Value, string Label)> Expiries =
    [
        ("90", "In 90 days"),
        ("30", "In 30 days"),
        ("365", "In a year"),
        ("never", "Never (until revoked)"),
    ];

    public ApiKeysDto Keys { get; private set; } = null!;

    [BindProperty]
    public CreateKeyForm Input { get; set; } = new();

    /// <summary>The key just created, with its secret: shown on the first page after the form, and never again.</summary>
    public NewKey? Created { get; private set; }

    /// <summary>The key whose revocation the page asks to confirm.</summary>
    [FromQuery(Name = "revoke")]
    public Guid? RevokeId { get; set; }

    [FromQuery(Name = "revoked")]
    public string? Revoked { get; set; }

    public ApiKeyDto? ToRevoke => RevokeId is { } id ? Keys.Keys.FirstOrDefault(k => k.Id == id && k.State != ApiKeyState.Revoked) : null;

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Describe(string scope) => scope switch
    {
        ApiScopes.WorkspaceRead => "Workspace",
        ApiScopes.DirectoryRead => "People",
        ApiScopes.ReportsRead => "Score Report",
        _ => scope,
    };

    /// <summary>When the key ended or ends: revoked at, expired at, expires at, or never.</summary>
    public static string Lifetime(ApiKeyDto key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key switch
        {
            { RevokedAt: { } revoked } => "on " + Time(revoked),
            { State: ApiKeyState.Expired } => "on " + Time(key.ExpiresAt),
            { ExpiresAt: { } expires } => "expires " + Time(expires),
            _ => "never expires",
        };
    }

    public static string Describe(ApiKeyState state) => state switch
    {
        ApiKeyState.Active => "Active",
        ApiKeyState.Expired => "Expired",
        _ => "Revoked",
    };

    /// <summary>What refused the form under <paramref name="key"/> where no field of the form carries the name (the command's scopes and days).</summary>
    public IEnumerable<string> ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Reading TempData marks the values for removal at the end of this request: a refresh finds nothing.
        if (TempData[NewKeyName] is string name && TempData[NewKeyClientId] is string clientId && TempData[NewKeySecret] is string secret)
        {
            Created = new NewKey(name, clientId, secret);
        }

        Keys = await mediator.Send(new GetApiKeysQuery(), cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var scopes = new List<string>();
        if (Input.People)
        {
            scopes.Add(ApiScopes.DirectoryRead);
        }

        if (Input.Reports)
        {
            scopes.Add(ApiScopes.ReportsRead);
        }

        int? days = null;
        var expiryChosen = Input.Expires is "never";
        if (!expiryChosen && int.TryParse(Input.Expires, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            (days, expiryChosen) = (parsed, true);
        }

        if (!expiryChosen)
        {
            ModelState.AddModelError($"{FormName}.{nameof(CreateKeyForm.Expires)}", "Choose when the key expires from the list.");
        }
        else
        {
            try
            {
                var (sent, created) = await mediator.TrySendForResultAsync(
                    ModelState, FormName, () => new CreateApiKeyCommand(Input.Name ?? string.Empty, scopes, days), cancellationToken);
                if (sent && created is not null)
                {
                    TempData[NewKeyName] = created.Name;
                    TempData[NewKeyClientId] = created.ClientId;
                    TempData[NewKeySecret] = created.Secret;
                    return new SeeOtherResult(Url.Page("/Settings/ApiKeys", null, null, null, null, "new-key")!);
                }
            }
            catch (ForbiddenAccessException)
            {
                ModelState.AddModelError($"{FormName}.{nameof(CreateKeyForm.Reports)}", "Only an Owner can create a key that reads the Score Report.");
            }
        }

        Keys = await mediator.Send(new GetApiKeysQuery(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? confirmed, CancellationToken cancellationToken)
    {
        if (!string.Equals(confirmed, "yes", StringComparison.Ordinal))
        {
            return RedirectToPage("/Settings/ApiKeys", null, new { revoke = id }, "revoke-confirm");
        }

        await mediator.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return RedirectToPage("/Settings/ApiKeys", null, new { revoked = "1" }, "api-keys");
    }

    /// <summary>What the page shows of a key just created: its name, client ID and secret.</summary>
    public sealed record NewKey(string Name, string ClientId, string Secret);

    public sealed class CreateKeyForm
    {
        public string? Name { get; set; }

        /// <summary>Reads the people (directory.read).</summary>
        public bool People { get; set; }

        /// <summary>Reads the Score Report (reports.read).</summary>
        public bool Reports { get; set; }

        /// <summary>Days until it expires, or "never".</summary>
        public string? Expires { get; set; } = "90";
    }
}
