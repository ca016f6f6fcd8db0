using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Onboarding.RequestAdminConsent;
using WorkSights.Application.UnitTests.Support;

namespace WorkSights.Application.UnitTests.Onboarding;

public sealed class RequestAdminConsentCommandHandlerTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();
    private readonly FakeAdminConsentLinks links = new();

    public void Dispose() => database.Dispose();

    private async Task<Uri> RequestAsync(string tenantId = ExternalTenantId, string objectId = "Admin-OID")
    {
        await using var db = database.CreateContext();
        return await new RequestAdminConsentCommandHandler(db, database.TenantContext, new FakeTenantAdministrators(), links, database.Clock)
            .Handle(new RequestAdminConsentCommand(tenantId, objectId), CancellationToken.None);
    }

    [Fact]
    public async Task RequestReturnsLinkBuiltForTheOrganisationWithFreshState()
    {
        await database.AddTenantAsync(ExternalTenantId, "contoso.com", active: false);

        var uri = await RequestAsync(ExternalTenantId.ToUpperInvariant());

        Assert.NotNull(links.LastState);
        Assert.True(links.LastState.Length >= 40, "the state should be long enough to be unguessable");
        Assert.StartsWith($"https://login.example.test/{ExternalTenantId}/adminconsent", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(links.LastState, uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestStoresOnlySha256HashOfState()
    {
        await database.AddTenantAsync(ExternalTenantId, "contoso.com", active: false);

        await RequestAsync();

        var state = links.LastState!;
        await using var db = database.CreateContext();
        var stored = await db.ConsentRequests.SingleAsync();
        Assert.NotEqual(state, stored.StateHash);
        Assert.DoesNotContain(state, stored.StateHash, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state))), stored.StateHash);
        Assert.Equal(ExternalTenantId, stored.ExternalTenantId);
        Assert.Equal("admin-oid", stored.RequestedByObjectId);
        Assert.Equal(TestDatabase.Start, stored.CreatedAt);
        Assert.Null(stored.UsedAt);
    }

    [Fact]
    public async Task RequestUsesNewStateEachTime()
    {
        await database.AddTenantAsync(ExternalTenantId, "contoso.com", active: false);

        await RequestAsync();
        var first = links.LastState;
        await RequestAsync();

        Assert.NotEqual(first, links.LastState);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.ConsentRequests.CountAsync());
    }

    [Fact]
    public async Task RequestThrowsNotFoundGivenNoSignUpForOrganisation()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => RequestAsync());

        Assert.Null(links.LastState);
        await using var db = database.CreateContext();
        Assert.Empty(db.ConsentRequests);
    }
}
