using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Tenancy;
using static WorkSights.Application.UnitTests.Support.FakeDirectoryReader;

namespace WorkSights.Application.UnitTests.Directory;

public sealed class ImportDirectoryCommandHandlerTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();
    private readonly FakeDirectoryReader directory = new();
    private readonly FakeMailboxSettingsReader mailboxes = new();

    public void Dispose() => database.Dispose();

    private async Task<DirectoryImportResult> ImportAsync(Guid tenantId)
    {
        await using var db = database.CreateContext();
        return await new ImportDirectoryCommandHandler(db, database.TenantContext, directory, mailboxes, database.Clock)
            .Handle(new ImportDirectoryCommand(tenantId), CancellationToken.None);
    }

    private static DirectoryPage[] FullListing() =>
    [
        Page(
            null,
            Member("oid-new", "ada@contoso.com", "Ada", department: "Research", manager: "oid-known"),
            Member("oid-known", "bob@contoso.com", "Bob"),
            Member("oid-link", "carol@fabrikam.com", "Carol")),
        Page(
            "delta-1",
            Member("oid-svc", "svc-backup@contoso.com", "Backup"),
            Member("oid-disabled", "dan@contoso.com", "Dan", enabled: false),
            Member("oid-unlicensed", "erin@contoso.com", "Erin", licensed: false),
            Member("oid-nomail", null, "Frank", userPrincipalName: "frank@contoso.com"),
            Member("oid-guest", "gina@partner.com", "Gina", isGuest: true),
            Member("oid-ext", "hal@partner.com", "Hal", userPrincipalName: "hal_partner.com#EXT#@contoso.onmicrosoft.com")),
    ];

    private async Task<Tenant> ActiveTenantWithPendingSignUpAsync()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await using var db = database.CreateContext();
        db.PendingSignUps.Add(PendingSignUp.Start(ExternalTenantId, "oid-known", "bob@contoso.com", "Bob", database.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return tenant;
    }

    [Fact]
    public async Task FullImportClassifiesIdentitiesAndSkipsGuests()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing());

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 7, 0, 0, WasFullImport: true, NotImported: 2), result);
        Assert.Equal([(ExternalTenantId, (string?)null)], directory.Calls);
        var people = await database.PeopleOfAsync(tenant.Id);
        Assert.Equal(ProvisioningState.New, people["oid-new"].ProvisioningState);
        Assert.Equal(ProvisioningState.AlreadyLinked, people["oid-known"].ProvisioningState);
        Assert.Equal(ProvisioningState.Link, people["oid-link"].ProvisioningState);
        Assert.Equal(ProvisioningState.Blocked, people["oid-svc"].ProvisioningState);
        Assert.Equal(ProvisioningState.Blocked, people["oid-disabled"].ProvisioningState);
        Assert.Equal(ProvisioningState.Blocked, people["oid-unlicensed"].ProvisioningState);
        Assert.Equal(ProvisioningState.New, people["oid-nomail"].ProvisioningState);
        Assert.Equal("frank@contoso.com", people["oid-nomail"].Email);
        Assert.Equal("oid-known", people["oid-new"].ManagerExternalId);
        Assert.Equal("Research", people["oid-new"].Department);
        Assert.False(people.ContainsKey("oid-guest"));
        Assert.False(people.ContainsKey("oid-ext"));
        Assert.All(people.Values, p => Assert.False(p.HasLoginAccess));
        Assert.Null(database.TenantContext.TenantId);
    }

    [Fact]
    public async Task GuestsSharedRoomAndEquipmentMailboxesAreRecordedWithTheirReasonInsteadOfImportedGivenTheirPurpose()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        mailboxes.With("oid-info", MailboxPurpose.Shared).With("oid-board", MailboxPurpose.Room).With("oid-cart", MailboxPurpose.Equipment).With("oid-linked", MailboxPurpose.Other);
        directory.Returns([.. FullListing(), Page(
            "delta-2",
            Member("oid-info", "info@contoso.com", "Contoso Info", enabled: false, licensed: false),
            Member("oid-board", "boardroom@contoso.com", "Boardroom", enabled: false, licensed: false),
            Member("oid-cart", "projector.cart@contoso.com", "Projector Cart", enabled: false, licensed: false),
            Member("oid-linked", "ivan@contoso.com", "Ivan"))]);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal((8, 5), (result.Added, result.NotImported));
        var people = await database.PeopleOfAsync(tenant.Id);
        Assert.DoesNotContain(people.Keys, id => id is "oid-info" or "oid-board" or "oid-cart" or "oid-guest" or "oid-ext");
        Assert.Equal(ProvisioningState.New, people["oid-linked"].ProvisioningState);
        Assert.Equal(
            [("oid-board", NotImportedReason.Room, "boardroom@contoso.com"), ("oid-cart", NotImportedReason.Equipment, "projector.cart@contoso.com"), ("oid-ext", NotImportedReason.Guest, "hal@partner.com"),
             ("oid-guest", NotImportedReason.Guest, "gina@partner.com"), ("oid-info", NotImportedReason.SharedMailbox, "info@contoso.com")],
            await NotImportedAsync(tenant.Id));
        Assert.DoesNotContain(mailboxes.PurposeReads, id => id is "oid-guest" or "oid-ext" or "oid-nomail");
        Assert.Contains("oid-info", mailboxes.PurposeReads);
    }

    [Fact]
    public async Task IdentitiesAreClassifiedAsBeforeGivenMailboxSettingsReadIsNotGranted()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        mailboxes.PermissionMissing = true;
        mailboxes.With("oid-info", MailboxPurpose.Shared);
        directory.Returns([.. FullListing(), Page("delta-2", Member("oid-info", "info@contoso.com", "Contoso Info", enabled: false, licensed: false))]);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal((DirectoryImportOutcome.Completed, 2), (result.Outcome, result.NotImported));
        Assert.Equal(ProvisioningState.Blocked, (await database.PeopleOfAsync(tenant.Id))["oid-info"].ProvisioningState);
        Assert.DoesNotContain("oid-info", mailboxes.PurposeReads);
    }

    [Fact]
    public async Task JoinerWaitsAsNewGivenJoinersAreNotAcceptedAutomatically()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing()).Returns(Page("delta-2", Member("oid-joiner", "ivy@contoso.com", "Ivy")));
        await ImportAsync(tenant.Id);

        await ImportAsync(tenant.Id);

        Assert.Equal(ProvisioningState.New, (await database.PeopleOfAsync(tenant.Id))["oid-joiner"].ProvisioningState);
    }

    [Fact]
    public async Task JoinerIsAcceptedButFirstImportAndOtherDomainsWaitGivenAcceptJoinersAutomatically()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        await AcceptJoinersAsync(tenant.Id);
        directory.Returns(FullListing()).Returns(Page(
            "delta-2",
            Member("oid-joiner", "ivy@contoso.com", "Ivy"),
            Member("oid-other", "jo@fabrikam.com", "Jo"),
            Member("oid-svc2", "svc-print@contoso.com", "Printer service")));
        await ImportAsync(tenant.Id);

        await ImportAsync(tenant.Id);

        var people = await database.PeopleOfAsync(tenant.Id);
        Assert.Equal(ProvisioningState.New, people["oid-new"].ProvisioningState);
        Assert.Equal(ProvisioningState.AlreadyLinked, people["oid-joiner"].ProvisioningState);
        Assert.Equal(ProvisioningState.Link, people["oid-other"].ProvisioningState);
        Assert.Equal(ProvisioningState.Blocked, people["oid-svc2"].ProvisioningState);
    }

    [Fact]
    public async Task GuestMadeMemberIsImportedAndARemovedRoomLeavesTheNotImportedList()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        mailboxes.With("oid-board", MailboxPurpose.Room);
        directory.Returns([.. FullListing(), Page("delta-2", Member("oid-board", "boardroom@contoso.com", "Boardroom", enabled: false, licensed: false))])
            .Returns(new DirectoryPage([Member("oid-guest", "gina@contoso.com", "Gina")], ["oid-board"], "delta-3"));
        await ImportAsync(tenant.Id);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(1, result.Added);
        Assert.Equal(ProvisioningState.New, (await database.PeopleOfAsync(tenant.Id))["oid-guest"].ProvisioningState);
        Assert.Equal([("oid-ext", NotImportedReason.Guest, "hal@partner.com")], await NotImportedAsync(tenant.Id));
    }

    [Fact]
    public async Task PersonWhoBecomesAGuestLeavesAsAPersonAndIsListedAsNotImported()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing()).Returns(Page("delta-2", Member("oid-new", "ada@partner.com", "Ada", isGuest: true)));
        await ImportAsync(tenant.Id);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal((1, 1), (result.Removed, result.NotImported));
        Assert.Equal(PersonStatus.Removed, (await database.PeopleOfAsync(tenant.Id))["oid-new"].Status);
        Assert.Contains(("oid-new", NotImportedReason.Guest, "ada@partner.com"), await NotImportedAsync(tenant.Id));
    }

    private async Task<List<(string ExternalId, NotImportedReason Reason, string Email)>> NotImportedAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return [.. (await db.NotImportedIdentities.ToListAsync()).OrderBy(i => i.ExternalId, StringComparer.Ordinal).Select(i => (i.ExternalId, i.Reason, i.Email))];
    }

    private async Task AcceptJoinersAsync(Guid tenantId)
    {
        await using var db = database.CreateContext();
        (await db.Tenants.SingleAsync(t => t.Id == tenantId)).AcceptJoinersAutomatically(true);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FullImportRecordsDeltaLinkAndCount()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing());

        await ImportAsync(tenant.Id);

        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var state = await db.DirectorySyncStates.SingleAsync();
        Assert.Equal("delta-1", state.DeltaLink);
        Assert.Equal(7, state.ImportedCount);
        Assert.Equal(TestDatabase.Start, state.LastSucceededAt);
        Assert.Null(state.LastError);
    }

    [Fact]
    public async Task ImportingSameListingTwiceLeavesIdenticalRows()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing()).Returns(FullListing());
        await ImportAsync(tenant.Id);
        var before = await database.PeopleOfAsync(tenant.Id);
        database.Clock.Advance(TimeSpan.FromHours(1));

        var second = await ImportAsync(tenant.Id);

        Assert.Equal((0, 0, 0), (second.Added, second.Updated, second.Removed));
        Assert.Equal("delta-1", directory.Calls[1].DeltaLink);
        var after = await database.PeopleOfAsync(tenant.Id);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, person) in before)
        {
            var again = after[id];
            Assert.Equal(
                (person.Id, person.Email, person.DisplayName, person.Department, person.ManagerExternalId, person.ProvisioningState, person.Status, person.UpdatedAt),
                (again.Id, again.Email, again.DisplayName, again.Department, again.ManagerExternalId, again.ProvisioningState, again.Status, again.UpdatedAt));
        }
    }

    [Fact]
    public async Task DeltaAddsJoinersRemovesLeaversAndUpdatesChangedPeople()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing());
        await ImportAsync(tenant.Id);
        database.Clock.Advance(TimeSpan.FromHours(1));
        directory.Returns(new DirectoryPage(
            [
                Member("oid-joiner", "ivy@contoso.com", "Ivy"),
                Member("oid-new", "ada@contoso.com", "Ada", department: "Engineering", manager: null, managerIncluded: false),
            ],
            ["oid-link"],
            "delta-2"));

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 1, 1, 1, WasFullImport: false), result);
        Assert.Equal("delta-1", directory.Calls[1].DeltaLink);
        var people = await database.PeopleOfAsync(tenant.Id);
        Assert.Equal(PersonStatus.Active, people["oid-joiner"].Status);
        Assert.Equal(PersonStatus.Removed, people["oid-link"].Status);
        Assert.Equal("Engineering", people["oid-new"].Department);
        Assert.Equal("oid-known", people["oid-new"].ManagerExternalId);
        Assert.Equal(TestDatabase.Start.AddHours(1), people["oid-new"].UpdatedAt);
        Assert.Equal(PersonStatus.Active, people["oid-known"].Status);
    }

    [Fact]
    public async Task DeltaClearsManagerWhenItSaysTheManagerIsGone()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing())
            .Returns(Page("delta-2", Member("oid-new", "ada@contoso.com", "Ada", department: "Research", manager: null, managerIncluded: true)));
        await ImportAsync(tenant.Id);

        await ImportAsync(tenant.Id);

        Assert.Null((await database.PeopleOfAsync(tenant.Id))["oid-new"].ManagerExternalId);
    }

    [Fact]
    public async Task DeltaBringsBackPersonRemovedEarlier()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing())
            .Returns(new DirectoryPage([], ["oid-link"], "delta-2"))
            .Returns(Page("delta-3", Member("oid-link", "carol@fabrikam.com", "Carol")));
        await ImportAsync(tenant.Id);
        await ImportAsync(tenant.Id);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(1, result.Updated);
        Assert.Equal(PersonStatus.Active, (await database.PeopleOfAsync(tenant.Id))["oid-link"].Status);
    }

    [Fact]
    public async Task ExpiredDeltaLinkFallsBackToFullImportThatRemovesPeopleNoLongerListed()
    {
        var tenant = await ActiveTenantWithPendingSignUpAsync();
        directory.Returns(FullListing())
            .Throws(new DeltaLinkExpiredException("Sync token expired"))
            .Returns(Page("delta-fresh", Member("oid-new", "ada@contoso.com", "Ada", department: "Research", manager: "oid-known"), Member("oid-known", "bob@contoso.com", "Bob")));
        await ImportAsync(tenant.Id);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(DirectoryImportOutcome.Completed, result.Outcome);
        Assert.True(result.WasFullImport);
        Assert.Equal(5, result.Removed);
        Assert.Equal(["delta-1", null], directory.Calls.Skip(1).Select(c => c.DeltaLink));
        var people = await database.PeopleOfAsync(tenant.Id);
        Assert.Equal(PersonStatus.Active, people["oid-new"].Status);
        Assert.Equal(PersonStatus.Active, people["oid-known"].Status);
        Assert.Equal(PersonStatus.Removed, people["oid-link"].Status);
        Assert.Equal(PersonStatus.Removed, people["oid-nomail"].Status);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        Assert.Equal("delta-fresh", (await db.DirectorySyncStates.SingleAsync()).DeltaLink);
    }

    [Fact]
    public async Task RevokedConsentMarksWorkspaceRevokedAndLaterImportsDoNotReadDirectory()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        directory.Throws(new ConsentRevokedException("AADSTS7000229"));
        database.Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await ImportAsync(tenant.Id);
        var next = await ImportAsync(tenant.Id);

        Assert.Equal(DirectoryImportOutcome.ConsentRevoked, result.Outcome);
        Assert.Equal(DirectoryImportOutcome.WorkspaceNotActive, next.Outcome);
        Assert.Single(directory.Calls);
        var stored = await database.TenantAsync(tenant.Id);
        Assert.Equal(TenantStatus.ConsentRevoked, stored.Status);
        Assert.Equal(TestDatabase.Start.AddMinutes(3), stored.ConsentRevokedAt);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var state = await db.DirectorySyncStates.SingleAsync();
        Assert.Contains("Consent revoked", state.LastError, StringComparison.Ordinal);
        Assert.Null(state.LastSucceededAt);
    }

    [Fact]
    public async Task PendingWorkspaceIsNotImported()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com", active: false);

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(DirectoryImportOutcome.WorkspaceNotActive, result.Outcome);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task UnknownWorkspaceThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => ImportAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task UnavailableProviderRecordsFailureAndKeepsWorkspaceActive()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        directory.Throws(new ProviderUnavailableException("throttled"));

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(DirectoryImportOutcome.ProviderUnavailable, result.Outcome);
        Assert.Equal(TenantStatus.Active, (await database.TenantAsync(tenant.Id)).Status);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        Assert.Equal("throttled", (await db.DirectorySyncStates.SingleAsync()).LastError);
    }

    [Fact]
    public async Task ListingWithoutDeltaLinkReportsProviderUnavailable()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        directory.Returns(Page(null, Member("oid-1", "ada@contoso.com")));

        var result = await ImportAsync(tenant.Id);

        Assert.Equal(DirectoryImportOutcome.ProviderUnavailable, result.Outcome);
    }

    [Fact]
    public async Task ImportingOneWorkspaceNeverTouchesAnotherWorkspacesPeople()
    {
        var tenantA = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        var tenantB = await database.AddTenantAsync("b-tenant", "fabrikam.com");
        var shared = await database.AddPersonAsync(tenantB.Id, "oid-shared", "zoe@fabrikam.com");
        var other = await database.AddPersonAsync(tenantB.Id, "oid-b-only", "yan@fabrikam.com");
        directory.Returns(Page("delta-a", Member("oid-shared", "zoe@contoso.com", "Zoe at A")));

        var result = await ImportAsync(tenantA.Id);

        Assert.Equal((1, 0, 0), (result.Added, result.Updated, result.Removed));
        var peopleOfB = await database.PeopleOfAsync(tenantB.Id);
        Assert.Equal(2, peopleOfB.Count);
        Assert.Equal(shared.Id, peopleOfB["oid-shared"].Id);
        Assert.Equal("zoe@fabrikam.com", peopleOfB["oid-shared"].Email);
        Assert.Equal(PersonStatus.Active, peopleOfB["oid-shared"].Status);
        Assert.Equal(PersonStatus.Active, peopleOfB["oid-b-only"].Status);
        Assert.Equal(other.UpdatedAt, peopleOfB["oid-b-only"].UpdatedAt);
        var peopleOfA = await database.PeopleOfAsync(tenantA.Id);
        Assert.NotEqual(shared.Id, Assert.Single(peopleOfA.Values).Id);
    }
}
