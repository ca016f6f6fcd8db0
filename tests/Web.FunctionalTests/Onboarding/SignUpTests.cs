using System.Net;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Onboarding;

public sealed class SignUpTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task AdminSignUpCreatesActiveWorkspaceWithImportedPeople()
    {
        using var journey = new SignUpJourney(app);

        var (afterSignIn, signInUrl) = await journey.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, afterSignIn.StatusCode);
        Assert.Equal("/Onboarding/Connect", signInUrl.AbsolutePath + (signInUrl.Query.Length > 0 ? signInUrl.Query : string.Empty));
        Assert.Contains(SandboxTenants.Contoso.PrimaryDomain, await afterSignIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (ready, readyUrl) = await journey.ConsentAsync("accept");
        var html = await ready.Content.ReadAsStringAsync();
        Assert.Equal("/Onboarding/Ready", readyUrl.AbsolutePath);
        Assert.Contains("Your workspace is ready", html, StringComparison.Ordinal);
    }
}
