using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WorkSights.Infrastructure.Privacy;

/// <summary>
/// Where the app's data-protection keys live and how they are kept at rest. They encrypt the session and antiforgery
/// cookies and every workspace's pseudonym secret, so whoever reads them with a copy of the database can undo the
/// pseudonyms: in production they belong outside the data folder (<c>DataProtection:KeysDirectory</c>) and encrypted with
/// a certificate (<c>DataProtection:CertificatePath</c>, a PKCS#12 file, and <c>DataProtection:CertificatePassword</c>).
/// </summary>
internal static class KeyProtection
{
    public const string SectionName = "DataProtection";

    public static IDataProtectionBuilder AddWorkSightsDataProtection(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection(SectionName);
        var keys = section["KeysDirectory"] is { Length: > 0 } configured ? configured : Path.Combine(dataDirectory, "keys");
        var protection = services.AddDataProtection()
            .SetApplicationName("WorkSights")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
            // The certificate reads the keys back too, without being installed in a certificate store.
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return protection;
    }
}
