using System.ComponentModel.DataAnnotations;

namespace WorkSights.Infrastructure.Identity;

/// <summary>
/// How WorkSights reaches the Microsoft identity platform, Graph and the Management Activity API. The defaults are the real services; Development
/// and tests point the same code at the sandbox by configuration alone.
/// </summary>
public sealed class MicrosoftIdentityOptions
{
    public const string SectionName = "Microsoft";

    /// <summary>Browser-facing identity platform: sign-in and admin consent.</summary>
    [Required]
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Where app-only tokens are requested (MSAL accepts only HTTPS); defaults to <see cref="Instance"/>.</summary>
    public Uri? TokenInstance { get; set; }

    [Required]
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>
    /// Mail or calendar items asked for per delta page (<c>Prefer: odata.maxpagesize</c>). Larger pages mean fewer requests
    /// against each mailbox's limits and fewer transactions; each page is stored in one transaction with its checkpoint.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MailboxPageSize { get; set; } = 500;

    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>A client secret, for development. Production should use <see cref="CertificatePath"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PKCS#12 file with the app's certificate, used for private_key_jwt client assertions.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Development and tests only: the SHA-1 thumbprint of the sandbox's self-signed TLS certificate, the one
    /// certificate accepted besides those the machine trusts.
    /// </summary>
    public string? PinnedCertificateThumbprint { get; set; }

    public Uri EffectiveTokenInstance => TokenInstance ?? Instance;

    /// <summary>The resource Graph tokens are issued for; it stays the real one even when Graph is emulated.</summary>
    public string GraphResource { get; set; } = "https://graph.microsoft.com";

    public string GraphScope => $"{GraphResource.TrimEnd('/')}/.default";

    /// <summary>The Office 365 Management Activity API (the audit feed); the sandbox in Development and tests.</summary>
    [Required]
    public Uri ManagementApiBaseUrl { get; set; } = new("https://manage.office.com/");

    /// <summary>The resource audit-feed tokens are issued for; it stays the real one even when the API is emulated.</summary>
    public string ManagementResource { get; set; } = "https://manage.office.com";

    public string ManagementScope => $"{ManagementResource.TrimEnd('/')}/.default";
}
