using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using WorkSights.Infrastructure.Hosting;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>Production settings: the configured public address, the hosts answered to, and forwarded headers only when enabled.</summary>
public sealed class PublicBaseUrlTests
{
    private const string PublicHost = "worksights.example.com";

    [Fact]
    public async Task HostOtherThanThePublicOneIsRefusedGivenPublicBaseUrl()
    {
        await using var app = await StartAsync(reverseProxy: false);

        var response = await SendAsync(app, "/", "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LoginRedirectUsesThePublicBaseUrlGivenItsHost()
    {
        await using var app = await StartAsync(reverseProxy: false);

        var response = await SendAsync(app, "/Dashboard", PublicHost);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"https://{PublicHost}/Login?ReturnUrl=%2FDashboard", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task ForwardedProtoCountsOnlyWhenTheReverseProxyIsEnabled(bool enabled, bool expectHsts)
    {
        await using var app = await StartAsync(enabled);

        var response = await SendAsync(app, "/", PublicHost, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectHsts, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void StartUpFailsWithoutPublicBaseUrlInProduction()
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.Throws<InvalidOperationException>(() => PublicAddress.Validate(configuration, new Environment(Environments.Production)));
    }

    [Theory]
    [InlineData("ftp://worksights.example.com/")]
    [InlineData("https://worksights.example.com/?next=x")]
    [InlineData("/relative")]
    public void StartUpFailsGivenMalformedPublicBaseUrl(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(PublicAddress.SettingName, value)]).Build();

        Assert.Throws<InvalidOperationException>(() => PublicAddress.Validate(configuration, new Environment(Environments.Production)));
    }

    [Fact]
    public void DevelopmentMayLeavePublicBaseUrlOut()
    {
        var configuration = new ConfigurationBuilder().Build();

        PublicAddress.Validate(configuration, new Environment(Environments.Development));
    }

    private static async Task<StartedApp> StartAsync(bool reverseProxy)
    {
        var app = new WorkSightsApp
        {
            Settings = new Dictionary<string, string>
            {
                [PublicAddress.SettingName] = $"https://{PublicHost}/",
                ["ReverseProxy:Enabled"] = reverseProxy ? "true" : "false",
            },
        };
        await app.InitializeAsync();
        return new StartedApp(app);
    }

    private static async Task<HttpResponseMessage> SendAsync(StartedApp app, string path, string host, params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.App.BaseAddress, path));
        request.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    private sealed class StartedApp(WorkSightsApp app) : IAsyncDisposable
    {
        public WorkSightsApp App => app;

        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "WorkSights";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
