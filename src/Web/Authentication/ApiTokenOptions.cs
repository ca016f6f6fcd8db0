using System.ComponentModel.DataAnnotations;

namespace WorkSights.Web.Authentication;

/// <summary>Access tokens of integration clients (<c>ApiTokens</c> in configuration) and the API's rate limits for them.</summary>
public sealed class ApiTokenOptions
{
    public const string SectionName = "ApiTokens";

    /// <summary>How long an access token works; a client asks for a new one with its credentials after that.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The window the request limits below count in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests one API key may make per window.</summary>
    [Range(1, 100_000)]
    public int RequestsPerKey { get; set; } = 120;

    /// <summary>Requests all API keys of one workspace may make together per window.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWorkspace { get; set; } = 600;

    /// <summary>Token requests one address may make per window, so that secrets cannot be tried at speed.</summary>
    [Range(1, 100_000)]
    public int TokenRequestsPerAddress { get; set; } = 30;
}
