using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Privacy;
using WorkSights.Infrastructure.Privacy;

namespace WorkSights.Infrastructure.IntegrationTests.Privacy;

/// <summary>SECURITY.md P4: the keys that encrypt each workspace's pseudonym secret, kept where and how the configuration says.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "worksights-keys-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private IPseudonymKeys Keys(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddWorkSightsDataProtection(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.Combine(folder, "data"));
        services.AddSingleton<IPseudonymKeys, PseudonymKeys>();
        return services.BuildServiceProvider().GetRequiredService<IPseudonymKeys>();
    }

    [Fact]
    public void KeysAreEncryptedWithTheConfiguredCertificateAndReadBackByANewProcess()
    {
        var certificate = Path.Combine(folder, "keys.pfx");
        Directory.CreateDirectory(folder);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=WorkSights data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(certificate, created.Export(X509ContentType.Pfx, "secret"));
        }

        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:KeysDirectory"] = Path.Combine(folder, "vault"),
            ["DataProtection:CertificatePath"] = certificate,
            ["DataProtection:CertificatePassword"] = "secret",
        };

        var stored = Keys(settings).NewProtectedKey();
        var secret = Keys(settings).Unprotect(stored);

        Assert.Equal(Pseudonym.KeyLength, secret.Length);
        Assert.False(Directory.Exists(Path.Combine(folder, "data", "keys")), "the keys are kept where configured, not in the data folder");
        var xml = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(folder, "vault"), "key-*.xml")));
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutSettingsKeysLiveInTheDataFolder()
    {
        var stored = Keys([]).NewProtectedKey();

        Assert.Equal(Pseudonym.KeyLength, Keys([]).Unprotect(stored).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "data", "keys"), "key-*.xml"));
    }
}
