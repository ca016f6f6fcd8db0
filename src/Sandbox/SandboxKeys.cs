using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace WorkSights.Sandbox;

/// <summary>TLS certificate and token-signing key, created on first use and optionally persisted.</summary>
internal sealed class SandboxKeys : IDisposable
{
    private SandboxKeys(X509Certificate2 tls, X509Certificate2 signing)
    {
        Tls = tls;
        Signing = signing;
        KeyId = Base64UrlEncoder.Encode(signing.GetCertHash());
        SigningKey = new X509SecurityKey(signing, KeyId);
        SigningCredentials = new X509SigningCredentials(signing, SecurityAlgorithms.RsaSha256) { Key = { KeyId = KeyId } };
        SigningKey.KeyId = KeyId;
        SigningCredentials.Key.KeyId = KeyId;
        rogue = new Lazy<SigningCredentials>(() =>
        {
            using var rsa = RSA.Create(2048);
            return new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        });
    }

    private readonly Lazy<SigningCredentials> rogue;

    public X509Certificate2 Tls { get; }

    public X509Certificate2 Signing { get; }

    public string KeyId { get; }

    public X509SecurityKey SigningKey { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>Same kid, different key: for the BadSignature fault.</summary>
    public SigningCredentials RogueCredentials => rogue.Value;

    public static SandboxKeys LoadOrCreate(string? dataDirectory, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var tls = LoadOrCreate(dataDirectory, "sandbox-tls.pfx", now, () => CreateTls(now));
        var signing = LoadOrCreate(dataDirectory, "sandbox-token-signing.pfx", now, () => CreateSigning(now));
        return new SandboxKeys(tls, signing);
    }

    public void Dispose()
    {
        Tls.Dispose();
        Signing.Dispose();
    }

    private static X509Certificate2 LoadOrCreate(string? dataDirectory, string fileName, DateTimeOffset now, Func<X509Certificate2> create)
    {
        if (dataDirectory is null)
        {
            return Reload(create());
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path))
        {
            try
            {
                var existing = X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
                if (existing.HasPrivateKey && existing.NotAfter > now.UtcDateTime.AddDays(7))
                {
                    return existing;
                }

                existing.Dispose();
            }
            catch (CryptographicException)
            {
                // Unreadable file: replace it below.
            }
        }

        using var created = create();
        var bytes = created.Export(X509ContentType.Pfx);
        File.WriteAllBytes(path, bytes);
        return X509CertificateLoader.LoadPkcs12(bytes, null, X509KeyStorageFlags.Exportable);
    }

    private static X509Certificate2 Reload(X509Certificate2 cert)
    {
        using (cert)
        {
            return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
        }
    }

    private static X509Certificate2 CreateTls(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=WorkSights Sandbox (localhost)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
    }

    private static X509Certificate2 CreateSigning(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=WorkSights Sandbox token signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }
}
