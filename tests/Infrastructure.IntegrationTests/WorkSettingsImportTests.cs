using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Directory.ImportWorkSettings;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Tenancy;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Time zones and working hours from mailbox settings, read over HTTP from the sandbox by the Graph SDK.</summary>
public sealed class WorkSettingsImportTests : DirectoryImportTestBase
{
    [Fact]
    public async Task ReadsEachMailboxsPurposeFromItsSettingsAloneGivenAPersonASharedMailboxARoomEquipmentAndAGuest()
    {
        await CreateWorkspaceAsync(Contoso);
        var reader = new GraphMailboxSettingsReader(Sandbox.Clients);
        var users = Sandbox.Directory.GetUsers(Contoso.TenantId);
        string IdOf(string mail) => users.Single(u => u.Mail == mail).Id;
        var worker = users.First(u => Sandbox.Directory.GetWorkProfile(Contoso.TenantId, u.Id) is not null);
        var guest = users.First(u => u.UserType == "Guest");
        Sandbox.Server.RequestLog.Clear();

        Assert.Equal(MailboxPurpose.Person, await reader.ReadPurposeAsync(Contoso.TenantId, worker.Id, CancellationToken.None));
        Assert.Equal(MailboxPurpose.Shared, await reader.ReadPurposeAsync(Contoso.TenantId, IdOf("info@contoso.com"), CancellationToken.None));
        Assert.Equal(MailboxPurpose.Room, await reader.ReadPurposeAsync(Contoso.TenantId, IdOf("thames.room@contoso.com"), CancellationToken.None));
        Assert.Equal(MailboxPurpose.Equipment, await reader.ReadPurposeAsync(Contoso.TenantId, IdOf("projector.cart@contoso.com"), CancellationToken.None));
        await Assert.ThrowsAsync<Application.Common.Exceptions.SourceNotFoundException>(() => reader.ReadPurposeAsync(Contoso.TenantId, guest.Id, CancellationToken.None));

        Assert.Equal(5, Sandbox.GraphRequests.Count);
        Assert.All(Sandbox.GraphRequests, r => Assert.EndsWith("/mailboxSettings/userPurpose", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoresIanaZonesAndWorkingHoursGivenMailboxesNamingZonesTheWindowsOrTheIanaWay()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        Assert.Equal(DirectoryImportOutcome.Completed, (await ImportAsync(contoso)).Outcome);

        var result = await ImportWorkSettingsAsync(contoso);

        var people = (await PeopleAsync(contoso)).ToDictionary(p => p.Id);
        var stored = await StoredAsync(contoso);
        var workers = Sandbox.Directory.GetUsers(Contoso.TenantId)
            .Select(u => Sandbox.Directory.GetWorkProfile(Contoso.TenantId, u.Id))
            .OfType<SandboxWorkProfile>()
            .ToDictionary(p => p.UserId);
        Assert.Equal(WorkSettingsImportOutcome.Completed, result.Outcome);
        Assert.Equal(workers.Count, result.Read);
        Assert.Equal(workers.Count, stored.Count);
        Assert.Equal(stored.Select(s => s.PersonId).Order(), await MarkedPeopleAsync(contoso));
        Assert.Contains(workers.Values, w => w.MailboxTimeZone.EndsWith("Standard Time", StringComparison.Ordinal));
        Assert.Contains(workers.Values, w => w.MailboxTimeZone.Contains('/', StringComparison.Ordinal));
        foreach (var settings in stored)
        {
            var profile = workers[people[settings.PersonId].ExternalId];
            Assert.Equal(profile.TimeZoneId, settings.TimeZoneId);
            Assert.Equal(profile.TimeZoneId, settings.WorkingHoursTimeZoneId);
            Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], settings.WorkDays.Order());
            Assert.Equal(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(profile.UsualStartMinutes)), settings.WorkStart);
            Assert.Equal(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(profile.WorkingHoursEndMinutes)), settings.WorkEnd);
            Assert.Equal(Clock.GetUtcNow(), settings.ImportedAt);
        }

        var windowsNamed = stored.First(s => workers[people[s.PersonId].ExternalId].MailboxTimeZone == "Pacific Standard Time");
        var ianaNamed = stored.First(s => workers[people[s.PersonId].ExternalId].MailboxTimeZone == "Europe/Berlin");
        var imported = await PortAsync(contoso, [windowsNamed.PersonId, ianaNamed.PersonId, Guid.NewGuid()]);
        Assert.Equal(2, imported.Count);
        Assert.Equal(DateTimeZoneProviders.Tzdb[windowsNamed.TimeZoneId!], imported[windowsNamed.PersonId].Zone);
        Assert.Equal(DateTimeZoneProviders.Tzdb["Europe/Berlin"], imported[ianaNamed.PersonId].Zone);
        var hours = imported[ianaNamed.PersonId].Hours!;
        Assert.Equal(LocalTime.FromTimeOnly(ianaNamed.WorkStart!.Value), hours.Start);
        Assert.Equal(5, hours.WorkDays.Count);
        Assert.DoesNotContain(IsoDayOfWeek.Saturday, hours.WorkDays);
    }

    [Fact]
    public async Task ReadsEachMailboxAgainOnlyAfterADayGivenSettingsAlreadyImported()
    {
        var fabrikam = await CreateWorkspaceAsync(Fabrikam);
        await ImportAsync(fabrikam);
        var first = await ImportWorkSettingsAsync(fabrikam);
        Sandbox.Server.RequestLog.Clear();

        var soon = await ImportWorkSettingsAsync(fabrikam);
        Clock.Advance(ImportWorkSettingsCommandHandler.RefreshAfter);
        var marksAfterFirst = await MarkedPeopleAsync(fabrikam);
        var later = await ImportWorkSettingsAsync(fabrikam);

        Assert.True(first.Read > 0);
        Assert.Equal(new WorkSettingsImportResult(WorkSettingsImportOutcome.Completed, 0, 0), soon);
        Assert.Equal(new WorkSettingsImportResult(WorkSettingsImportOutcome.Completed, first.Read, 0), later);
        Assert.Equal(marksAfterFirst, await MarkedPeopleAsync(fabrikam));
        Assert.Equal(first.Read, Sandbox.GraphRequests.Count(r => SandboxGraph.PathOf(r).EndsWith("/mailboxSettings", StringComparison.Ordinal)));
        Assert.All(await StoredAsync(fabrikam), s => Assert.Equal(Clock.GetUtcNow(), s.ImportedAt));
    }

    [Fact]
    public async Task KeepsTheDirectorySyncGreenAndNotesTheMissingPermissionGivenConsentFromBeforeMailboxSettingsRead()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        Sandbox.Directory.GrantConsent(Contoso.TenantId, Sandbox.ClientId, [.. SandboxDirectory.RequestedPermissions.Select(p => p.Value).Where(p => p != "MailboxSettings.Read")]);

        var directory = await ImportAsync(contoso);
        var refused = await ImportWorkSettingsAsync(contoso);

        Assert.Equal(DirectoryImportOutcome.Completed, directory.Outcome);
        Assert.Equal(new WorkSettingsImportResult(WorkSettingsImportOutcome.PermissionMissing, 0, 0), refused);
        Assert.Empty(await StoredAsync(contoso));
        var state = await SyncStateAsync(contoso);
        Assert.Null(state!.LastError);
        Assert.Equal(Clock.GetUtcNow(), state.MailboxSettingsDeniedSince);
        Assert.Equal("Active", (await TenantAsync(contoso)).Status.ToString());
        Assert.InRange(Sandbox.GraphRequests.Count(r => SandboxGraph.PathOf(r).EndsWith("/mailboxSettings", StringComparison.Ordinal)), 1, 4);

        Sandbox.Directory.GrantConsent(Contoso.TenantId, Sandbox.ClientId);
        var granted = await ImportWorkSettingsAsync(contoso);

        Assert.Equal(WorkSettingsImportOutcome.Completed, granted.Outcome);
        Assert.NotEmpty(await StoredAsync(contoso));
        Assert.Null((await SyncStateAsync(contoso))!.MailboxSettingsDeniedSince);
    }

    [Fact]
    public async Task MailboxConvertedLaterIsFlaggedByTheNextDeltaSyncOrByTheDailySettingsReadAndAudited()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        Assert.Equal(DirectoryImportOutcome.Completed, (await ImportAsync(contoso)).Outcome);
        Assert.Equal(WorkSettingsImportOutcome.Completed, (await ImportWorkSettingsAsync(contoso)).Outcome);
        var workers = Sandbox.Directory.GetUsers(Contoso.TenantId).Where(u => Sandbox.Directory.GetWorkProfile(Contoso.TenantId, u.Id) is not null).OrderBy(u => u.Mail).ToList();
        var (byDelta, byDailyRead) = (workers[0], workers[1]);
        Sandbox.Server.RequestLog.Clear();

        Sandbox.Directory.UpdateUser(Contoso.TenantId, byDelta.Id, mailboxPurpose: "shared");
        Clock.Advance(TimeSpan.FromHours(1));
        var synced = await ImportAsync(contoso);

        Assert.False(synced.WasFullImport);
        var people = await PeopleByIdAsync(contoso);
        Assert.Equal((NotImportedReason.SharedMailbox, (DateTimeOffset?)Clock.GetUtcNow(), PersonStatus.Active), (people[byDelta.Id].MailboxConvertedTo, people[byDelta.Id].MailboxConvertedAt, people[byDelta.Id].Status));
        Assert.Equal([$"/v1.0/users/{byDelta.Id}/mailboxSettings/userPurpose"], Sandbox.GraphRequests.Select(r => r.PathAndQuery).Where(p => p.Contains("mailboxSettings", StringComparison.Ordinal)));

        // A conversion the directory's delta does not show is found by the daily read of mailbox settings, at no extra request.
        Sandbox.Directory.UpdateUser(Contoso.TenantId, byDailyRead.Id, mailboxPurpose: "room");
        Clock.Advance(ImportWorkSettingsCommandHandler.RefreshAfter);
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(WorkSettingsImportOutcome.Completed, (await ImportWorkSettingsAsync(contoso)).Outcome);

        people = await PeopleByIdAsync(contoso);
        Assert.Equal(NotImportedReason.Room, people[byDailyRead.Id].MailboxConvertedTo);
        Assert.Equal(NotImportedReason.SharedMailbox, people[byDelta.Id].MailboxConvertedTo);
        Assert.Equal(2, people.Values.Count(p => p.MailboxConvertedTo is not null));
        Assert.DoesNotContain(Sandbox.GraphRequests, r => r.PathAndQuery.EndsWith("/userPurpose", StringComparison.Ordinal));
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(contoso);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "person.mailbox.converted").Select(e => new { e.Subject, e.After, e.ByPersonId }).ToListAsync();
        Assert.Equal(
            new[] { (byDelta.DisplayName, "a shared mailbox"), (byDailyRead.DisplayName, "a meeting room's mailbox") }.Order(),
            audit.Select(e => (e.Subject, e.After!)).Order());
        Assert.All(audit, e => Assert.Null(e.ByPersonId));
    }

    private async Task<WorkSettingsImportResult> ImportWorkSettingsAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        var handler = new ImportWorkSettingsCommandHandler(db, tenantContext, new GraphMailboxSettingsReader(Sandbox.Clients), Clock);
        return await handler.Handle(new ImportWorkSettingsCommand(tenantId), CancellationToken.None);
    }

    /// <summary>The people with days marked for recompute: the import marks a person whose settings it changed.</summary>
    private async Task<List<Guid>> MarkedPeopleAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(tenantId);
        return [.. (await db.DirtyPersonDays.AsNoTracking().Select(d => d.PersonId).Distinct().ToListAsync()).Order()];
    }

    private async Task<List<PersonMailboxSettings>> StoredAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(tenantId);
        return await db.PersonMailboxSettings.AsNoTracking().ToListAsync();
    }

    private async Task<IReadOnlyDictionary<Guid, Application.Scores.ImportedWorkSettings>> PortAsync(Guid tenantId, Guid[] personIds)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(tenantId);
        return await new StoredWorkSettings(db).ForPeopleAsync(personIds, CancellationToken.None);
    }
}
