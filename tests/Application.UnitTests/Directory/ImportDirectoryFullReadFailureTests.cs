using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Tenants;
using static WorkSights.Application.UnitTests.Support.FakeDirectoryReader;

namespace WorkSights.Application.UnitTests.Directory;

/// <summary>The full import that follows an expired delta link meets the same failures as any read, and they get the same answer.</summary>
public sealed class ImportDirectoryFullReadFailureTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeDirectoryReader directory = new();
    private Tenant tenant = null!;

    public void Dispose() => database.Dispose();

    private async Task<DirectoryImportResult> ImportAsync()
    {
        await using var db = database.CreateContext();
        return await new ImportDirectoryCommandHandler(db, database.TenantContext, directory, new FakeMailboxSettingsReader(), database.Clock)
            .Handle(new ImportDirectoryCommand(tenant.Id), CancellationToken.None);
    }

    private async Task ImportedOnceThenDeltaLinkExpiresAsync()
    {
        tenant = await database.AddTenantAsync("4b3c2d1e-0000-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        directory.Returns(Page("delta-1", Member("oid-ann", "ann@contoso.com", "Ann")));
        await ImportAsync();
        directory.Throws(new DeltaLinkExpiredException("Sync token expired"));
    }

    private async Task<string?> LastErrorAsync()
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return (await db.DirectorySyncStates.AsNoTracking().SingleAsync()).LastError;
    }

    [Fact]
    public async Task WorkspaceIsRevokedAndTheImportSaysSoGivenConsentRevokedDuringTheFullImport()
    {
        await ImportedOnceThenDeltaLinkExpiresAsync();
        directory.Throws(new ConsentRevokedException("AADSTS7000229"));

        var result = await ImportAsync();

        Assert.Equal(DirectoryImportResult.Failed(DirectoryImportOutcome.ConsentRevoked), result);
        Assert.Equal(["delta-1", null], directory.Calls.Skip(1).Select(c => c.DeltaLink));
        Assert.Equal(TenantStatus.ConsentRevoked, (await database.TenantAsync(tenant.Id)).Status);
        Assert.Equal("Consent revoked: AADSTS7000229", await LastErrorAsync());
    }

    [Fact]
    public async Task ImportEndsThrottledWithANotBeforeGivenThrottlingDuringTheFullImport()
    {
        await ImportedOnceThenDeltaLinkExpiresAsync();
        directory.Throws(new ProviderThrottledException(TimeSpan.FromMinutes(4)));

        var result = await ImportAsync();

        Assert.Equal(DirectoryImportResult.Failed(DirectoryImportOutcome.Throttled) with { NotBefore = database.Clock.GetUtcNow().AddMinutes(4) }, result);
        Assert.StartsWith("Microsoft 365 asked WorkSights to wait", await LastErrorAsync(), StringComparison.Ordinal);
        Assert.Equal(TenantStatus.Active, (await database.TenantAsync(tenant.Id)).Status);
    }
}
