using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Directory.GetNotImportedIdentities;
using WorkSights.Application.Directory.SetJoinerAcceptance;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Directory;

/// <summary>The "Accept joiners automatically" option and the User Provisioning review's "Not imported" tab.</summary>
public sealed class JoinersAndNotImportedTests : IDisposable
{
    private const string Address = "198.51.100.20";

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TurningAcceptJoinersOnThenOffIsAuditedBeforeToAfterAndRepeatingItRecordsNothing()
    {
        var tenant = await database.AddTenantAsync("contoso", "contoso.com");
        var owner = await database.AddPersonAsync(tenant.Id, "oid-owner", "owner@contoso.com");
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using (var db = database.CreateContext())
        {
            var handler = new SetJoinerAcceptanceCommandHandler(new WorkspaceSettingChange(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id, Address), database.Clock));
            await handler.Handle(new SetJoinerAcceptanceCommand(true), CancellationToken.None);
            await handler.Handle(new SetJoinerAcceptanceCommand(true), CancellationToken.None);
            database.Clock.Advance(TimeSpan.FromMinutes(1));
            await handler.Handle(new SetJoinerAcceptanceCommand(false), CancellationToken.None);
        }

        await using var read = database.CreateContext();
        Assert.False((await read.Tenants.SingleAsync(t => t.Id == tenant.Id)).AcceptsJoinersAutomatically);
        var entries = await read.AuditEntries.AsNoTracking().OrderBy(e => e.At).Select(e => new { e.Action, e.Subject, e.Before, e.After, e.ByPersonId, e.FromAddress }).ToListAsync();
        Assert.Equal(
            [
                ("provisioning.joiners.changed", "Joiners wait as New for review", "Joiners are accepted automatically", owner.Id, Address),
                ("provisioning.joiners.changed", "Joiners are accepted automatically", "Joiners wait as New for review", owner.Id, Address),
            ],
            entries.Select(e => (e.Action, e.Before!, e.After!, e.ByPersonId!.Value, e.FromAddress!)));
        Assert.All(entries, e => Assert.Equal("Accept joiners automatically", e.Subject));
    }

    [Fact]
    public async Task NotImportedTabListsTheWorkspacesOwnByKindThenNameAndFindsThemBySearch()
    {
        var tenant = await database.AddTenantAsync("contoso", "contoso.com");
        var other = await database.AddTenantAsync("fabrikam", "fabrikam.com");
        await AddNotImportedAsync(tenant, ("oid-guest", "gina@partner.com", "Gina Porter", NotImportedReason.Guest), ("oid-info", "info@contoso.com", "Contoso Info", NotImportedReason.SharedMailbox),
            ("oid-thames", "thames.room@contoso.com", "Thames Room", NotImportedReason.Room), ("oid-board", "boardroom@contoso.com", "Boardroom", NotImportedReason.Room));
        await AddNotImportedAsync(other, ("oid-orders", "orders@fabrikam.com", "Orders", NotImportedReason.SharedMailbox));

        var all = await NotImportedAsync(tenant, new GetNotImportedIdentitiesQuery(null, Page: 1, PageSize: 3));
        var last = await NotImportedAsync(tenant, new GetNotImportedIdentitiesQuery(null, Page: 9, PageSize: 3));
        var rooms = await NotImportedAsync(tenant, new GetNotImportedIdentitiesQuery("ROOM"));
        var people = await ImportedPeopleAsync(tenant);

        Assert.Equal((4, 1, 2), (all.TotalCount, all.Page, all.PageCount));
        Assert.Equal(["Gina Porter", "Contoso Info", "Boardroom"], all.Items.Select(i => i.DisplayName));
        Assert.Equal(2, last.Page);
        Assert.Equal(["Thames Room"], last.Items.Select(i => i.DisplayName));
        Assert.Equal(["boardroom@contoso.com", "thames.room@contoso.com"], rooms.Items.Select(i => i.Email));
        Assert.Equal((4, false), (people.NotImportedCount, people.AcceptsJoinersAutomatically));
    }

    private async Task AddNotImportedAsync(Tenant tenant, params (string Id, string Email, string Name, NotImportedReason Reason)[] identities)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        db.NotImportedIdentities.AddRange(identities.Select(i => NotImportedIdentity.Record(tenant.Id, i.Id, i.Email, i.Name, i.Reason, database.Clock.GetUtcNow())));
        await db.SaveChangesAsync();
    }

    private async Task<PagedList<NotImportedIdentityDto>> NotImportedAsync(Tenant tenant, GetNotImportedIdentitiesQuery query)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await new GetNotImportedIdentitiesQueryHandler(db).Handle(query, CancellationToken.None);
    }

    private async Task<ImportedPeopleDto> ImportedPeopleAsync(Tenant tenant)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await new GetImportedPeopleQueryHandler(db, database.TenantContext).Handle(new GetImportedPeopleQuery(null, null), CancellationToken.None);
    }
}
