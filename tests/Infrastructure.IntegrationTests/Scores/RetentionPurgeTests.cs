using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Application.Accounts.PurgeExpiredData;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using static WorkSights.Infrastructure.IntegrationTests.Scores.ScoreReadModelWorkspace;

namespace WorkSights.Infrastructure.IntegrationTests.Scores;

/// <summary>
/// Issue 12, item 4: the daily purge removes activities and every day result older than the workspace's retention, in
/// batches, on a fake clock; the audit log stays, and the hourly close does not bring purged days back.
/// </summary>
public sealed class RetentionPurgeTests : IDisposable
{
    private static readonly ActivityLocation Lisbon = new("Lisbon", "Lisboa", "PT", 38.7223, -9.1393);

    private readonly ScoreReadModelWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task PurgesWhatIsOlderThanTheRetentionInBatchesAndKeepsTheAuditLog()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London", "Sales", importedAt: Now.AddDays(-200));
        var dates = new[] { -120, -61, -59, -5 }.Select(d => Now.AddDays(d)).ToArray();
        await workspace.SyncAsync([.. dates.SelectMany(at => new[]
        {
            workspace.Item(ann, ActivityKind.Meeting, at, TimeSpan.FromHours(1)),
            workspace.Item(ann, ActivityKind.SignIn, at.AddHours(1), TimeSpan.FromMinutes(1), location: Lisbon),
            workspace.Item(ann, ActivityKind.EmailSent, at.AddHours(2), CreditingRules.SentEmail),
        })]);
        await workspace.DrainAsync();
        await workspace.InWorkspaceAsync(async db =>
        {
            var oldEmail = await db.Activities.SingleAsync(a => a.Kind == ActivityKind.EmailSent && a.OccurredAt < Now.AddDays(-100));
            var previous = oldEmail.CreditedDuration;
            oldEmail.CorrectCreditedDuration(TimeSpan.FromMinutes(30));
            db.ActivityCorrections.Add(ActivityCorrection.Record(oldEmail, ann.Id, previous, Now));
            db.AuditEntries.Add(AuditEntry.Record(workspace.Tenant.Id, AuditActor.WorkSights, Now.AddDays(-400), "schedule.default.changed", "Default schedule", "a", "b"));
            (await db.Tenants.SingleAsync()).KeepActivitiesFor(60);
            await db.SaveChangesAsync();
        });
        Assert.NotEmpty(await workspace.DirtyDaysAsync());
        Assert.Equal(12, await CountAsync(db => db.Activities));

        var result = await PurgeAsync(batchSize: 2);

        var firstKept = DateOnly.FromDateTime(Now.AddDays(-60).UtcDateTime);
        Assert.Equal((6, 1), (result.Activities, result.Corrections));
        Assert.True(result.DayResults >= 6, $"{result.DayResults} day results removed");
        Assert.All(await ActivityTimesAsync(), at => Assert.True(at >= Now.AddDays(-60)));
        Assert.Equal(6, await CountAsync(db => db.Activities));
        Assert.Equal(0, await CountAsync(db => db.ActivityCorrections));
        Assert.Equal(0, await CountAsync(db => db.PersonDays.Where(d => d.Date < firstKept)));
        Assert.Equal(0, await CountAsync(db => db.PersonDayLocations.Where(d => d.Date < firstKept)));
        Assert.Equal(0, await CountAsync(db => db.GroupDays.Where(d => d.Date < firstKept)));
        Assert.Equal(0, await CountAsync(db => db.DirtyPersonDays.Where(d => d.Date < firstKept)));
        Assert.Equal(2, await CountAsync(db => db.PersonDayLocations));
        Assert.Contains(DateOnly.FromDateTime(dates[2].UtcDateTime), await workspace.InWorkspaceAsync(db => db.PersonDays.Select(d => d.Date).ToListAsync()));
        var audit = await workspace.InWorkspaceAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.At).ToListAsync());
        Assert.Equal(["schedule.default.changed", AccountAuditActions.DataPurged], audit.Select(e => e.Action));
        Assert.Equal((null, null), (audit[1].ByPersonId, audit[1].FromAddress));
        Assert.StartsWith("Removed 6 activities, 1 corrections", audit[1].After, StringComparison.Ordinal);

        // The hourly close gives kept days their rows, and none before the retention.
        await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).CloseDaysAsync(CancellationToken.None));
        Assert.Equal(0, await CountAsync(db => db.PersonDays.Where(d => d.Date < firstKept)));
        Assert.True(await CountAsync(db => db.PersonDays.Where(d => d.Date == firstKept)) == 1);

        // A day later the purge finds nothing new; three days later the items of day -59 are past the retention too.
        workspace.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await PurgeAsync()).Activities);
        workspace.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(3, (await PurgeAsync()).Activities);
        Assert.All(await ActivityTimesAsync(), at => Assert.Equal(dates[3].UtcDateTime.Date, at.UtcDateTime.Date));
        var actions = await workspace.InWorkspaceAsync(db => db.AuditEntries.OrderBy(e => e.At).Select(e => e.Action).ToListAsync());
        Assert.Equal("schedule.default.changed", actions[0]);
        Assert.All(actions.Skip(1), a => Assert.Equal(AccountAuditActions.DataPurged, a));
    }

    [Fact]
    public async Task PurgesNothingWhileTheWorkspaceKeepsEverything()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London", importedAt: Now.AddDays(-400));
        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.Meeting, Now.AddDays(-365), TimeSpan.FromHours(1)));
        await workspace.DrainAsync();
        var days = await CountAsync(db => db.PersonDays);

        var result = await PurgeAsync();

        Assert.Equal(PurgeResult.Nothing, result);
        Assert.Equal(1, await CountAsync(db => db.Activities));
        Assert.True(days > 0);
        Assert.Equal(days, await CountAsync(db => db.PersonDays));
        Assert.Equal(0, await workspace.InWorkspaceAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task LeavesAnotherWorkspacesActivitiesAlone()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London", importedAt: Now.AddDays(-400));
        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.Meeting, Now.AddDays(-365), TimeSpan.FromHours(1)));
        var fabrikam = Tenant.StartSignUp(IdentityProvider.Microsoft365, Guid.NewGuid().ToString(), "fabrikam.com", Now.AddDays(-400));
        fabrikam.GrantConsent(Now.AddDays(-400));
        await using (var db = workspace.Database.NewContext(workspace.TenantContext))
        {
            db.Tenants.Add(fabrikam);
            await db.SaveChangesAsync();
        }

        using (workspace.TenantContext.BeginScope(fabrikam.Id))
        {
            await using var db = workspace.Database.NewContext(workspace.TenantContext);
            var zed = Person.Import(fabrikam.Id, "oid-zed", new DirectoryProfile("zed@fabrikam.com", "zed", null, null, null), ProvisioningState.New, Now.AddDays(-400));
            db.People.Add(zed);
            await db.SaveChangesAsync();
            var record = new ActivityRecord(fabrikam.Id, zed.Id, ActivityKind.Meeting, ActivitySource.OutlookCalendar, Now.AddDays(-365), TimeSpan.FromHours(1), null, 2, false, "fabrikam-item");
            await db.SaveChangesWithAsync([Activity.Record(record, Now)], CancellationToken.None);
        }

        await workspace.InWorkspaceAsync(async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == workspace.Tenant.Id)).KeepActivitiesFor(30);
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, (await PurgeAsync()).Activities);

        var activities = workspace.Database.CountByTenant("Activities");
        Assert.Equal(0, activities.GetValueOrDefault(workspace.Tenant.Id));
        Assert.Equal(1, activities.GetValueOrDefault(fabrikam.Id));
    }

    private Task<PurgeResult> PurgeAsync(int batchSize = PurgeExpiredDataCommand.DefaultBatchSize) =>
        workspace.InWorkspaceAsync(async db =>
            await new PurgeExpiredDataCommandHandler(db, workspace.TenantContext, workspace.Clock).Handle(new PurgeExpiredDataCommand(batchSize), CancellationToken.None));

    private Task<List<DateTimeOffset>> ActivityTimesAsync() => workspace.InWorkspaceAsync(db => db.Activities.Select(a => a.OccurredAt).ToListAsync());

    private Task<int> CountAsync<T>(Func<Persistence.ApplicationDbContext, IQueryable<T>> rows) => workspace.InWorkspaceAsync(db => rows(db).CountAsync());
}
