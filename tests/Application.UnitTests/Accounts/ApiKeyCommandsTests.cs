using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Application.Accounts.CheckApiToken;
using WorkSights.Application.Accounts.CreateApiKey;
using WorkSights.Application.Accounts.GetApiKeys;
using WorkSights.Application.Accounts.IssueApiToken;
using WorkSights.Application.Accounts.RevokeApiKey;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Accounts;

/// <summary>API keys for integrators: who may issue what, the secret kept only as a hash, the audit, and when a key's tokens end.</summary>
public sealed class ApiKeyCommandsTests : IDisposable
{
    private const string Address = "203.0.113.9";

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TechnicalAdminCannotIssueAKeyThatReadsScoresAndNothingIsStored()
    {
        var (tenant, admin) = await WorkspaceAsync(PersonRole.TechnicalAdmin);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            Create(db, PersonRole.TechnicalAdmin, admin).Handle(new CreateApiKeyCommand("BI", [ApiScopes.ReportsRead], 30), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            Create(db, PersonRole.TechnicalAdmin, admin).Handle(new CreateApiKeyCommand("BI", [ApiScopes.DirectoryRead, ApiScopes.ReportsRead], null), CancellationToken.None).AsTask());

        Assert.Equal(0, await db.ApiKeys.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task TechnicalAdminIssuesADirectoryKeyAndOwnerAReportsKeyEachStoredAsAHashAndAuditedWithoutTheSecret()
    {
        var (tenant, admin) = await WorkspaceAsync(PersonRole.TechnicalAdmin);
        var owner = await database.AddPersonAsync(tenant.Id, "owner-1", "owner@contoso.com", ProvisioningState.AlreadyLinked, p => p.AssignRole(PersonRole.Owner));
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        CreatedApiKey directory, reports;
        await using (var db = database.CreateContext())
        {
            directory = await Create(db, PersonRole.TechnicalAdmin, admin).Handle(new CreateApiKeyCommand("  Payroll export ", [ApiScopes.DirectoryRead], 90), CancellationToken.None);
            reports = await Create(db, PersonRole.Owner, owner).Handle(new CreateApiKeyCommand("BI dashboard", [ApiScopes.ReportsRead], null), CancellationToken.None);
        }

        await using var read = database.CreateContext();
        var keys = await read.ApiKeys.AsNoTracking().ToDictionaryAsync(k => k.Id);
        Assert.Equal(("Payroll export", "workspace.read directory.read", database.Clock.GetUtcNow().AddDays(90), admin.Id), (keys[directory.Id].Name, keys[directory.Id].Scopes, keys[directory.Id].ExpiresAt, keys[directory.Id].CreatedByPersonId));
        Assert.Equal(("workspace.read reports.read", (DateTimeOffset?)null), (keys[reports.Id].Scopes, keys[reports.Id].ExpiresAt));
        foreach (var created in new[] { directory, reports })
        {
            var key = keys[created.Id];
            Assert.StartsWith("wsk_", created.ClientId, StringComparison.Ordinal);
            Assert.StartsWith("wss_", created.Secret, StringComparison.Ordinal);
            Assert.True(created.Secret.Length >= 47, "a 256-bit secret");
            Assert.Equal(ApiKeyCredentials.Hash(created.Secret), key.SecretHash);
            Assert.DoesNotContain(created.Secret, string.Join("|", key.Name, key.ClientId, key.SecretHash, key.Scopes), StringComparison.Ordinal);
        }

        var audit = await read.AuditEntries.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.ByPersonId == owner.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e => Assert.Equal((AccountAuditActions.ApiKeyCreated, Address), (e.Action, e.FromAddress)));
        Assert.Contains(audit, e => e.ByPersonId == admin.Id && e.Subject == $"API key \"Payroll export\" ({directory.ClientId})" && e.After!.Contains("directory.read", StringComparison.Ordinal));
        foreach (var entry in audit)
        {
            var text = string.Join("|", entry.Subject, entry.Before, entry.After);
            Assert.DoesNotContain(directory.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(reports.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(keys[directory.Id].SecretHash, text, StringComparison.Ordinal);
        }

        var listed = await new GetApiKeysQueryHandler(read, new FakeCurrentUser(PersonRole.TechnicalAdmin, admin.Id), database.Clock).Handle(new GetApiKeysQuery(), CancellationToken.None);
        Assert.False(listed.MayIssueReportKeys);
        Assert.Equal(["BI dashboard", "Payroll export"], listed.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.All(listed.Keys, k => Assert.Equal(ApiKeyState.Active, k.State));
        Assert.Equal(admin.DisplayName, listed.Keys.Single(k => k.Id == directory.Id).CreatedBy);
    }

    [Fact]
    public async Task TechnicalAdminRevokesAnOwnersReportsKeyOnceAndItsTokensEndAtTheNextCheck()
    {
        var (tenant, admin) = await WorkspaceAsync(PersonRole.TechnicalAdmin);
        var owner = await database.AddPersonAsync(tenant.Id, "owner-1", "owner@contoso.com", ProvisioningState.AlreadyLinked, p => p.AssignRole(PersonRole.Owner));
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var key = await Create(db, PersonRole.Owner, owner).Handle(new CreateApiKeyCommand("BI", [ApiScopes.ReportsRead], null), CancellationToken.None);
        var grant = await Issue(db).Handle(new IssueApiTokenCommand(key.ClientId, key.Secret), CancellationToken.None);
        Assert.NotNull(grant);
        Assert.Equal((tenant.Id, key.Id), (grant!.WorkspaceId, grant.KeyId));
        Assert.True((await Check(db).Handle(new CheckApiTokenCommand(tenant.Id, key.Id), CancellationToken.None)).IsActive);

        var revoke = new RevokeApiKeyCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.TechnicalAdmin, admin.Id, Address), database.Clock);
        await revoke.Handle(new RevokeApiKeyCommand(key.Id), CancellationToken.None);
        await revoke.Handle(new RevokeApiKeyCommand(key.Id), CancellationToken.None);

        Assert.False((await Check(db).Handle(new CheckApiTokenCommand(tenant.Id, key.Id), CancellationToken.None)).IsActive);
        Assert.Null(await Issue(db).Handle(new IssueApiTokenCommand(key.ClientId, key.Secret), CancellationToken.None));
        var revoked = Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Action == AccountAuditActions.ApiKeyRevoked).ToListAsync());
        Assert.Equal((admin.Id, "Active", "Revoked"), (revoked.ByPersonId!.Value, revoked.Before, revoked.After));
        await Assert.ThrowsAsync<NotFoundException>(() => revoke.Handle(new RevokeApiKeyCommand(Guid.NewGuid()), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task TokenIsGrantedForTheRightSecretOnlyAndNotOnceTheKeyExpiresOrForAnotherWorkspacesKeyId()
    {
        var (tenant, admin) = await WorkspaceAsync(PersonRole.TechnicalAdmin);
        var other = await database.AddTenantAsync("fabrikam", "fabrikam.com");
        CreatedApiKey key;
        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            key = await Create(db, PersonRole.TechnicalAdmin, admin).Handle(new CreateApiKeyCommand("Sync", [], 1), CancellationToken.None);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Null(await Issue(db).Handle(new IssueApiTokenCommand(key.ClientId, key.Secret + "x"), CancellationToken.None));
            Assert.Null(await Issue(db).Handle(new IssueApiTokenCommand("wsk_unknown", key.Secret), CancellationToken.None));
            Assert.NotNull(await Issue(db).Handle(new IssueApiTokenCommand(key.ClientId, key.Secret), CancellationToken.None));
            Assert.False((await Check(db).Handle(new CheckApiTokenCommand(other.Id, key.Id), CancellationToken.None)).IsActive);
            Assert.True((await Check(db).Handle(new CheckApiTokenCommand(tenant.Id, key.Id), CancellationToken.None)).IsActive);
        }

        database.Clock.Advance(TimeSpan.FromDays(1));

        await using (var db = database.CreateContext())
        {
            Assert.Null(await Issue(db).Handle(new IssueApiTokenCommand(key.ClientId, key.Secret), CancellationToken.None));
            Assert.False((await Check(db).Handle(new CheckApiTokenCommand(tenant.Id, key.Id), CancellationToken.None)).IsActive);
        }
    }

    [Fact]
    public void ValidatorRefusesAMissingNameUnknownScopeAndExpiryOutsideAYear()
    {
        var validator = new CreateApiKeyCommandValidator();

        var result = validator.Validate(new CreateApiKeyCommand(" ", ["people.write"], 400));

        Assert.Equal(["ExpiresInDays", "Name", "Scopes[0]"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.True(validator.Validate(new CreateApiKeyCommand("Sync", [ApiScopes.DirectoryRead, ApiScopes.ReportsRead], 365)).IsValid);
        Assert.False(validator.Validate(new CreateApiKeyCommand("Sync", [], 0)).IsValid);
    }

    [Fact]
    public void KeyRefusesAnExpiryBeyondAYearAndASecretThatIsNoHash()
    {
        var now = TestDatabase.Start;

        Assert.Throws<DomainRuleViolationException>(() => ApiKey.Issue(Guid.NewGuid(), "Sync", "wsk_x", ApiKeyCredentials.Hash("s"), [], null, now, now.AddDays(400)));
        Assert.Throws<DomainRuleViolationException>(() => ApiKey.Issue(Guid.NewGuid(), "Sync", "wsk_x", "wss_plain-secret", [], null, now, null));
        Assert.Throws<DomainRuleViolationException>(() => ApiKey.Issue(Guid.NewGuid(), "Sync", "wsk_x", ApiKeyCredentials.Hash("s"), ["admin"], null, now, null));
        Assert.True(ApiKeyCredentials.Matches("wss_a", ApiKeyCredentials.Hash("wss_a")));
        Assert.False(ApiKeyCredentials.Matches("wss_b", ApiKeyCredentials.Hash("wss_a")));
        Assert.False(ApiKeyCredentials.Matches("wss_a", "not-a-hash"));
    }

    private CreateApiKeyCommandHandler Create(ApplicationDbContext db, PersonRole role, Person by) =>
        new(db, database.TenantContext, new FakeCurrentUser(role, by.Id, Address), database.Clock);

    private IssueApiTokenCommandHandler Issue(ApplicationDbContext db) => new(new ApiClientDirectory(db), db, database.TenantContext, database.Clock);

    private CheckApiTokenCommandHandler Check(ApplicationDbContext db) => new(db, database.TenantContext, database.Clock);

    private async Task<(Tenant Tenant, Person Admin)> WorkspaceAsync(PersonRole role)
    {
        var tenant = await database.AddTenantAsync("contoso", "contoso.com");
        var admin = await database.AddPersonAsync(tenant.Id, "admin-1", "admin@contoso.com", ProvisioningState.AlreadyLinked, p => p.AssignRole(role));
        return (tenant, admin);
    }
}
