using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The organisation withdraws access: the import notices, stops calling Microsoft, and resumes after a new consent.</summary>
public sealed class ConsentRevocationTests : DirectoryImportTestBase
{
    public enum Withdrawal
    {
        /// <summary>Permissions removed, service principal kept: tokens without roles, Graph answers 403.</summary>
        PermissionsRevoked,

        /// <summary>Enterprise application deleted: the token request fails with AADSTS7000229.</summary>
        ServicePrincipalDeleted,
    }

    [Theory]
    [InlineData(Withdrawal.PermissionsRevoked)]
    [InlineData(Withdrawal.ServicePrincipalDeleted)]
    public async Task Withdrawn_access_ends_as_consent_revoked_then_imports_make_no_request_until_consent_is_granted_again(Withdrawal withdrawal)
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        Assert.Equal(DirectoryImportOutcome.Completed, (await ImportAsync(contoso)).Outcome);
        var rows = PeopleRows(contoso);
        Withdraw(withdrawal);
        Clock.Advance(TimeSpan.FromHours(1));

        var revoked = await ImportAsync(contoso);

        Assert.Equal(DirectoryImportResult.Failed(DirectoryImportOutcome.ConsentRevoked), revoked);
        var tenant = await TenantAsync(contoso);
        Assert.Equal(TenantStatus.ConsentRevoked, tenant.Status);
        Assert.Equal(Clock.GetUtcNow(), tenant.ConsentRevokedAt);
        var state = await SyncStateAsync(contoso);
        Assert.StartsWith("Consent revoked", state!.LastError, StringComparison.Ordinal);
        Assert.Equal(Clock.GetUtcNow(), state.LastAttemptAt);
        Assert.NotNull(state.DeltaLink);
        Assert.Equal(rows, PeopleRows(contoso));

        var log = Sandbox.Requests.Count;
        Clock.Advance(TimeSpan.FromHours(1));
        var blocked = await ImportAsync(contoso);

        Assert.Equal(DirectoryImportResult.Failed(DirectoryImportOutcome.WorkspaceNotActive), blocked);
        Assert.Equal(log, Sandbox.Requests.Count);
        Assert.Equal(rows, PeopleRows(contoso));

        Sandbox.Directory.GrantConsent(Contoso.TenantId, Sandbox.ClientId);
        await UpdateTenantAsync(contoso, t => t.GrantConsent(Clock.GetUtcNow()));
        var joiner = Sandbox.Directory.AddUser(Contoso.TenantId, "Back Again", "Sales");

        var resumed = await ImportAsync(contoso);

        Assert.Equal(DirectoryImportOutcome.Completed, resumed.Outcome);
        Assert.Equal(1, resumed.Added);
        Assert.Equal(TenantStatus.Active, (await TenantAsync(contoso)).Status);
        Assert.Null((await SyncStateAsync(contoso))!.LastError);
        Assert.Contains(joiner.Id, (await PeopleByIdAsync(contoso)).Keys);
        await AssertMatchesDirectoryAsync(contoso, Contoso);
    }

    [Fact]
    public async Task Token_request_for_a_deleted_service_principal_raises_consent_revoked()
    {
        Sandbox.Directory.DeleteServicePrincipal(Contoso.TenantId, Sandbox.ClientId);

        var error = await Assert.ThrowsAsync<ConsentRevokedException>(
            () => Sandbox.Tokens.GetTokenAsync(Contoso.TenantId, Sandbox.Options.GraphScope, CancellationToken.None));

        Assert.Contains("7000229", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal(401, request.StatusCode);
    }

    [Fact]
    public async Task Graph_refusal_for_revoked_permissions_raises_consent_revoked_from_the_reader()
    {
        Sandbox.Directory.RevokeConsent(Contoso.TenantId, Sandbox.ClientId);

        await Assert.ThrowsAsync<ConsentRevokedException>(async () =>
        {
            await foreach (var _ in Sandbox.Reader.ReadAsync(Contoso.TenantId, null, CancellationToken.None))
            {
            }
        });

        var graph = Assert.Single(Sandbox.GraphRequests);
        Assert.Equal(403, graph.StatusCode);
        Assert.True(graph.HadAuthorizationHeader);
    }

    private void Withdraw(Withdrawal withdrawal)
    {
        var consent = withdrawal switch
        {
            Withdrawal.PermissionsRevoked => Sandbox.Directory.RevokeConsent(Contoso.TenantId, Sandbox.ClientId),
            Withdrawal.ServicePrincipalDeleted => Sandbox.Directory.DeleteServicePrincipal(Contoso.TenantId, Sandbox.ClientId),
            _ => throw new ArgumentOutOfRangeException(nameof(withdrawal)),
        };
        Assert.Equal(withdrawal == Withdrawal.PermissionsRevoked ? SandboxConsentState.PermissionsRevoked : SandboxConsentState.ServicePrincipalDeleted, consent.State);
    }
}
