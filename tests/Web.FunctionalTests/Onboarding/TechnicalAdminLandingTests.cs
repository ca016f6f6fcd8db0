using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Onboarding;

/// <summary>A Technical Admin may not see activity, so sign-in takes them to a page they may open, not the Dashboard.</summary>
public sealed class TechnicalAdminLandingTests : FunctionalTest
{
    [Fact]
    public async Task TechnicalAdminLandsOnProvisioningAfterSignIn()
    {
        var technicalAdmin = NewBrowser();
        await technicalAdmin.SignUpAsync(SandboxTenants.Contoso.MemberEmail);
        await technicalAdmin.ConsentAsync("back");
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var workspace = await ReadJsonAsync<WorkspaceResponse>(await owner.Browser.GetAsync(owner.At("/api/v1/workspace")));
        await MakeTechnicalAdminAsync(workspace.Id, SandboxTenants.Contoso.MemberEmail);

        var (landing, landingUrl) = await technicalAdmin.LogInAsync(SandboxTenants.Contoso.MemberEmail);

        Assert.Equal("/Settings/Users/Provisioning", landingUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        var home = await technicalAdmin.Browser.GetAsync(technicalAdmin.At("/"));
        Assert.Equal("/Settings/Users/Provisioning", home.Headers.Location?.OriginalString);
    }

    private async Task MakeTechnicalAdminAsync(Guid workspaceId, string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspaceId);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var person = await db.People.SingleAsync(p => p.Email == email.ToLowerInvariant());
        person.AssignRole(PersonRole.TechnicalAdmin);
        await db.SaveChangesAsync();
    }
}
