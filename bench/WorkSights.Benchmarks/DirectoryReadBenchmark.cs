using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.Identity;
using WorkSights.Sandbox;

namespace WorkSights.Benchmarks;

/// <summary>
/// Directory read through the real Microsoft.Graph SDK (with its middleware) against the sandbox over loopback, compared
/// with the same pages fetched by a bare HttpClient and parsed with JsonDocument, measured in this run.
/// </summary>
internal static class DirectoryReadBenchmark
{
    private const int Rounds = 20;

    public static async Task RunAsync()
    {
        Report.Section("Directory read (Graph SDK adapter vs bare HttpClient)");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Apps = { new SandboxClientApp(AppHost.ClientId, AppHost.ClientSecret, "WorkSights benchmark", ["http://127.0.0.1/unused"]) },
        });
        var tenantId = SandboxTenants.Contoso.TenantId;
        sandbox.Directory.GrantConsent(tenantId, AppHost.ClientId);

        var options = Options.Create(new MicrosoftIdentityOptions
        {
            Instance = sandbox.HttpBaseAddress,
            TokenInstance = sandbox.HttpsBaseAddress,
            GraphBaseUrl = new Uri(sandbox.HttpBaseAddress, "v1.0"),
            ClientId = AppHost.ClientId,
            ClientSecret = AppHost.ClientSecret,
            PinnedCertificateThumbprint = sandbox.TlsCertificate.Thumbprint,
        });
        using var tokens = new AppOnlyTokenProvider(options);
        using var graphClients = new GraphClientFactory(options, tokens);
        var reader = new GraphDirectoryReader(graphClients);
        var token = await tokens.GetTokenAsync(tenantId, options.Value.GraphScope, CancellationToken.None);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var firstPage = new Uri(sandbox.HttpBaseAddress, "v1.0/users?$select=id,displayName,mail,userPrincipalName,department,jobTitle,userType,accountEnabled,assignedLicenses&$top=999&$expand=manager($select=id)");

        async Task<int> SdkReadAsync()
        {
            var count = 0;
            await foreach (var page in reader.ReadAsync(tenantId, null, CancellationToken.None))
            {
                count += page.Identities.Count;
            }

            return count;
        }

        async Task<int> RawReadAsync()
        {
            var count = 0;
            Uri? next = firstPage;
            while (next is not null)
            {
                using var response = await http.GetAsync(next);
                response.EnsureSuccessStatusCode();
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                count += json.RootElement.GetProperty("value").GetArrayLength();
                next = json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!) : null;
            }

            return count;
        }

        var sdkCount = await Measure.CountAsync(SdkReadAsync);
        var rawCount = await Measure.CountAsync(RawReadAsync);
        if (sdkCount != rawCount)
        {
            throw new InvalidOperationException($"The SDK read {sdkCount} users, the baseline {rawCount}.");
        }

        var sdk = await Measure.BestOfAsync(Rounds, SdkReadAsync);
        var raw = await Measure.BestOfAsync(Rounds, RawReadAsync);
        Console.WriteLine($"  Directory read of {sdkCount} users, best of {Rounds} rounds");
        Console.WriteLine($"  baseline (bare HttpClient + JsonDocument): {raw.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"  WorkSights (Graph SDK adapter):            {sdk.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"  ratio adapter / baseline:                  {sdk / raw,8:F2}");
    }
}
