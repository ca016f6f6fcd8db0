using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Revoked consent stops the sync; a workspace's activities are written and read only in its own scope.</summary>
public sealed class MailboxConsentAndIsolationTests : MailboxSyncTestBase
{
    [Fact]
    public async Task Consent_revoked_mid_sync_stops_it_keeps_what_was_stored_sends_nothing_more_and_re_consent_resumes_to_the_full_mailbox()
    {
        var contoso = await ProvisionAsync(Contoso);
        var people = await WorkersAsync(contoso, 2);
        var person = people[0];
        var startedAt = Clock.GetUtcNow();
        var reader = new InterruptingMailboxReader(Sandbox.MailboxReader, afterPage: page =>
        {
            if (page == 1)
            {
                Sandbox.Directory.RevokeConsent(Contoso.TenantId, Sandbox.ClientId);
            }
        });

        var result = await SyncAsync(contoso, person, ServiceFeature.Email, reader);

        Assert.Equal(SyncOutcome.ConsentRevoked, result.Outcome);
        Assert.Equal(1, reader.PagesDelivered);
        var tenant = await TenantAsync(contoso.TenantId);
        Assert.Equal((TenantStatus.ConsentRevoked, startedAt), (tenant.Status, tenant.ConsentRevokedAt));
        Assert.Equal(ConnectionStatus.ConsentRevoked, (await ServiceViewAsync(contoso)).Status);
        Assert.StartsWith("Consent revoked", (await ServiceAsync(contoso)).LastError, StringComparison.Ordinal);
        var kept = await ActivityRowsAsync(contoso);
        Assert.InRange(kept.Count, 90, 100);
        var checkpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
        Assert.True(checkpoint.IsMidRound);
        Assert.Equal(kept.Count, checkpoint.ItemsImported);

        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(SyncResult.Skip(), await SyncAsync(contoso, person, ServiceFeature.Email));
        Assert.Equal(SyncResult.Skip(), await SyncAsync(contoso, person, ServiceFeature.Calendar));
        Assert.Equal(SyncResult.Skip(), await SyncAsync(contoso, people[1], ServiceFeature.Email));
        Assert.Empty(Sandbox.Requests);
        Assert.Equal(kept, await ActivityRowsAsync(contoso));

        Sandbox.Directory.GrantConsent(Contoso.TenantId, Sandbox.ClientId);
        await UpdateTenantAsync(contoso.TenantId, t => t.GrantConsent(Clock.GetUtcNow()));
        await SyncCompletedAsync(contoso, person, ServiceFeature.Email);

        Assert.Contains("$skiptoken=", Sandbox.GraphRequests[0].PathAndQuery, StringComparison.Ordinal);
        var expected = (await ExpectedRowsAsync(contoso, person, startedAt)).Where(r => r.Source == ActivitySource.Outlook).ToList();
        AssertSameRows(expected, await ActivityRowsAsync(contoso, person, ActivitySource.Outlook));
    }

    [Fact]
    public async Task Syncing_a_contoso_mailbox_writes_only_contoso_rows_that_fabrikam_can_neither_see_nor_sync()
    {
        var contoso = await ProvisionAsync(Contoso);
        var fabrikam = await ProvisionAsync(Fabrikam);
        var person = (await WorkersAsync(contoso, 1)).Single();

        await SyncAllAsync(contoso, [person]);

        var contosoRows = await ActivityRowsAsync(contoso);
        Assert.NotEmpty(contosoRows);
        Assert.Equal(new Dictionary<Guid, int> { [contoso.TenantId] = contosoRows.Count }, Database.CountByTenant("Activities"));
        Assert.Equal(new Dictionary<Guid, int> { [contoso.TenantId] = 2 }, Database.CountByTenant("SyncCheckpoints"));
        Assert.Empty(await ActivityRowsAsync(fabrikam));
        var someId = await InScopeAsync(contoso, db => db.Activities.Select(a => a.Id).FirstAsync());
        Assert.Null(await InScopeAsync(fabrikam, db => db.Activities.SingleOrDefaultAsync(a => a.Id == someId)));
        Assert.Empty(await InScopeAsync(fabrikam, db => db.SyncCheckpoints.ToListAsync()));
        Assert.Equal(0, (await ServiceViewAsync(fabrikam)).Features.Sum(f => f.ItemsImported));

        // A Contoso person id under Fabrikam's workspace is nobody there: nothing is read, nothing written.
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(SyncResult.Skip(), await SyncAsync(fabrikam, person, ServiceFeature.Email));
        Assert.Empty(Sandbox.Requests);

        var fabrikamPerson = (await WorkersAsync(fabrikam, 1)).Single();
        await SyncAllAsync(fabrikam, [fabrikamPerson]);
        var fabrikamRows = await ActivityRowsAsync(fabrikam);
        Assert.NotEmpty(fabrikamRows);
        Assert.All(fabrikamRows, r => Assert.Equal(fabrikamPerson.ExternalId, r.PersonExternalId));
        Assert.Equal(contosoRows, await ActivityRowsAsync(contoso));
        Assert.Equal(
            new Dictionary<Guid, int> { [contoso.TenantId] = contosoRows.Count, [fabrikam.TenantId] = fabrikamRows.Count },
            Database.CountByTenant("Activities"));
    }
}
