using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace WorkSights.Infrastructure.Identity;

/// <summary>
/// Trusts what the machine trusts plus exactly one pinned certificate (the sandbox's, in Development and tests).
/// Never a blanket acceptance.
/// </summary>
internal static class PinnedCertificateHandler
{
    public static HttpMessageHandler Create(string? pinnedThumbprint)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrWhiteSpace(pinnedThumbprint))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is X509Certificate2 cert && string.Equals(cert.Thumbprint, pinnedThumbprint, StringComparison.OrdinalIgnoreCase))
                || (certificate is not null && string.Equals(certificate.GetCertHashString(), pinnedThumbprint, StringComparison.OrdinalIgnoreCase));
        }

        return handler;
    }
}
