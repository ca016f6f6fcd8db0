using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>Everything one server instance owns (no static mutable state).</summary>
internal sealed class SandboxState
{
    private Uri httpBase = new("http://127.0.0.1/");
    private Uri httpsBase = new("https://127.0.0.1/");

    public SandboxState(SandboxOptions options, SandboxKeys keys)
    {
        Options = options;
        Keys = keys;
        Clock = options.TimeProvider;
        Directory = new SandboxDirectory(Clock, options.ExtraPeople);
        Tokens = new TokenService(this);
        StartedAt = Clock.GetUtcNow();
        Work = new WorkGenerator(StartedAt);
        Throttle = new MailboxThrottle(options, Clock);
        AuditLog = new SandboxAuditLog(Clock, options.TenantsWithAuditLogOff);
        Audit = new AuditGenerator(Directory);
        Calls = new CallRecordGenerator(Work);
        SignIns = new SignInGenerator(Work);
        SignInThrottle = new SignInThrottle(options.SignInRequestsPer10Seconds, Clock);
        callRecordShape = (int)options.CallRecordShape;
        foreach (var tenantId in options.TenantsWithoutEntraPremium)
        {
            Directory.SetEntraPremium(tenantId, false);
        }
    }

    public SandboxAuditLog AuditLog { get; }

    public AuditGenerator Audit { get; }

    public SandboxOptions Options { get; }

    public SandboxKeys Keys { get; }

    public TimeProvider Clock { get; }

    public SandboxDirectory Directory { get; }

    public SandboxFaults Faults { get; } = new();

    public SandboxRequestLog RequestLog { get; } = new();

    public OpaqueProtector Protector { get; } = new();

    public TokenService Tokens { get; }

    public DateTimeOffset StartedAt { get; }

    public WorkGenerator Work { get; }

    public MailboxThrottle Throttle { get; }

    public CallRecordGenerator Calls { get; }

    private int callRecordShape;

    /// <summary>Which identity properties call records carry from now on.</summary>
    public SandboxCallRecordShape CallRecordShape
    {
        get => (SandboxCallRecordShape)Volatile.Read(ref callRecordShape);
        set => Volatile.Write(ref callRecordShape, (int)value);
    }

    public SignInGenerator SignIns { get; }

    public SignInThrottle SignInThrottle { get; }

    /// <summary>Marks requests the sandbox sends to itself for <c>$batch</c> items (value: secret + ":" + outer scheme).</summary>
    public string BatchSecret { get; } = OpaqueProtector.RandomToken(16);

    public HttpClient BatchClient => batchClient.Value;

    private readonly Lazy<HttpClient> batchClient = new(() => new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(5) });

    public Uri HttpBase => httpBase;

    public bool IsBatchItem(HttpContext ctx) => ctx.Request.Headers[BatchHeader].ToString().StartsWith(BatchSecret + ":", StringComparison.Ordinal);

    public const string BatchHeader = "X-Sandbox-Batch-Item";

    /// <summary>Distinguishes this run's delta tokens from a previous run's (directory state is not persisted).</summary>
    public string Generation { get; } = Guid.NewGuid().ToString("N");

    public ConcurrentDictionary<string, AuthorizationCodeGrant> Codes { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, RefreshGrant> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public void SetBases(Uri http, Uri https)
    {
        httpBase = http;
        httpsBase = https;
    }

    /// <summary>Base address (with trailing slash) for the scheme the request came in on.</summary>
    public string BaseFor(HttpContext ctx) =>
        (ctx.Request.IsHttps || (IsBatchItem(ctx) && ctx.Request.Headers[BatchHeader].ToString().EndsWith(":https", StringComparison.Ordinal)) ? httpsBase : httpBase).ToString();

    public async Task LogAndGuardAsync(HttpContext ctx, RequestDelegate next)
    {
        var started = Clock.GetUtcNow();
        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (KeyNotFoundException ex) when (!ctx.Response.HasStarted)
        {
            await Http.JsonAsync(ctx, StatusCodes.Status404NotFound, new System.Text.Json.Nodes.JsonObject { ["error"] = "not_found", ["message"] = ex.Message }).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (!ctx.Response.HasStarted)
        {
            await Http.JsonAsync(ctx, StatusCodes.Status400BadRequest, new System.Text.Json.Nodes.JsonObject { ["error"] = "bad_request", ["message"] = ex.Message }).ConfigureAwait(false);
        }
        finally
        {
            RequestLog.Add(new SandboxRequestLogEntry(
                started,
                ctx.Request.Scheme,
                ctx.Request.Method,
                ctx.Request.Path.Value + ctx.Request.QueryString.Value,
                ctx.Response.StatusCode,
                ctx.Request.Headers.Authorization.Count > 0,
                ctx.Request.Headers.TryGetValue("Prefer", out var prefer) ? prefer.ToString() : null)
            {
                RetryAfter = ctx.Response.Headers.RetryAfter.Count > 0 ? ctx.Response.Headers.RetryAfter.ToString() : null,
            });
        }
    }
}

internal sealed class AuthorizationCodeGrant
{
    public required string ClientId { get; init; }
    public required string RedirectUri { get; init; }
    public required string? AuthorityTenantId { get; init; }
    public required string TenantId { get; init; }
    public required string UserId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required string? Nonce { get; init; }
    public required string? CodeChallenge { get; init; }
    public required string CodeChallengeMethod { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    private int redeemed;

    public bool TryRedeem() => Interlocked.Exchange(ref redeemed, 1) == 0;

    public bool Redeemed => Volatile.Read(ref redeemed) == 1;
}

internal sealed record RefreshGrant(string ClientId, string TenantId, string UserId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);
