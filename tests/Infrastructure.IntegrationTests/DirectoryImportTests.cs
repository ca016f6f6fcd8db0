using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The import use case end to end: handler → Graph adapter → sandbox, rows in SQLite.</summary>
public sealed class DirectoryImportTests : DirectoryImportTestBase
{
    [Fact]
    public async Task Importing_twice_yields_the_same_rows_with_guests_shared_mailbox_rooms_and_equipment_not_imported_service_account_blocked_labs_people_linked_and_the_rest_new()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);

        var first = await ImportAsync(contoso);

        var members = CurrentMembers(Contoso);
        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, members.Count, 0, 0, WasFullImport: true, NotImported: 10), first);
        var rowsAfterFirst = PeopleRows(contoso);
        Assert.Equal(members.Count, rowsAfterFirst.Count);

        Clock.Advance(TimeSpan.FromHours(1));
        var second = await ImportAsync(contoso);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 0, 0, 0, WasFullImport: false), second);
        Assert.Equal(rowsAfterFirst, PeopleRows(contoso));

        await AssertMatchesDirectoryAsync(contoso, Contoso);
        var people = await PeopleAsync(contoso);
        var guests = Sandbox.Directory.GetUsers(Contoso.TenantId).Where(u => u.UserType == "Guest").ToList();
        Assert.Equal(6, guests.Count);
        Assert.DoesNotContain(people, p => guests.Any(g => g.Id == p.ExternalId));
        Assert.DoesNotContain(people, p => p.Email.Contains("#ext#", StringComparison.OrdinalIgnoreCase));

        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        Assert.False(byEmail.ContainsKey("info@contoso.com"));
        Assert.Equal(ProvisioningState.Blocked, byEmail["svc-backup@contoso.com"].ProvisioningState);
        var notImported = (await NotImportedAsync(contoso)).ToDictionary(i => i.Email, i => i.Reason, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(NotImportedReason.SharedMailbox, notImported["info@contoso.com"]);
        Assert.Equal(NotImportedReason.Room, notImported["boardroom@contoso.com"]);
        Assert.Equal(NotImportedReason.Room, notImported["thames.room@contoso.com"]);
        Assert.Equal(NotImportedReason.Equipment, notImported["projector.cart@contoso.com"]);
        Assert.Equal(6, notImported.Count(i => i.Value == NotImportedReason.Guest));
        Assert.Equal(10, notImported.Count);
        var labs = people.Where(p => p.Email.EndsWith("@contoso-labs.com", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, labs.Count);
        Assert.All(labs, p => Assert.Equal(ProvisioningState.Link, p.ProvisioningState));
        var rest = people.Except(labs).Where(p => p.Email is not "svc-backup@contoso.com").ToList();
        Assert.Equal(members.Count - 6, rest.Count);
        Assert.All(rest, p => Assert.Equal(ProvisioningState.New, p.ProvisioningState));

        Assert.All(people, p =>
        {
            Assert.Equal(contoso, p.TenantId);
            Assert.Equal(PersonStatus.Active, p.Status);
            Assert.Equal(PersonRole.Member, p.Role);
            Assert.False(p.HasLoginAccess);
            Assert.Equal(Clock.Start, p.ImportedAt);
            Assert.Equal(Clock.Start, p.UpdatedAt);
        });

        var state = await SyncStateAsync(contoso);
        Assert.NotNull(state);
        Assert.Equal(members.Count, state.ImportedCount);
        Assert.Null(state.LastError);
        Assert.Equal(Clock.GetUtcNow(), state.LastSucceededAt);
        Assert.StartsWith(new Uri(Sandbox.Server.HttpBaseAddress, "v1.0/users/delta?$deltatoken=").ToString(), state.DeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_full_import_of_an_unchanged_directory_rewrites_no_row()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        await ImportAsync(contoso);
        var rows = PeopleRows(contoso);

        // Forgetting the delta token forces the second import to list everything again.
        Sandbox.Faults.ExpireAllDeltaTokens();
        Clock.Advance(TimeSpan.FromDays(1));
        var again = await ImportAsync(contoso);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 0, 0, 0, WasFullImport: true), again);
        Assert.Equal(rows, PeopleRows(contoso));
    }
}
