using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.ErasePerson;
using WorkSights.Application.Directory.ReviewProvisioning;
using WorkSights.Application.Schedules;
using WorkSights.Application.Scores;
using WorkSights.Application.UnitTests.Reporting;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Scores;

namespace WorkSights.Application.UnitTests.Accounts;

/// <summary>
/// Issue 12: an identity linked into a person (a second address) and then erased on its own takes with it what it
/// brought to that person, and the person's day results are recomputed without it; their own items stay.
/// </summary>
public sealed class LinkedIdentityErasureTests : IAsyncLifetime
{
    private ReportingWorkspace workspace = null!;
    private Person owner = null!;

    public async Task InitializeAsync()
    {
        workspace = await ReportingWorkspace.CreateAsync();
        owner = await workspace.Database.AddPersonAsync(workspace.Ceo.TenantId, "ada", "ada@contoso.com", ProvisioningState.AlreadyLinked, p => p.MakeOwner());
    }

    public Task DisposeAsync()
    {
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private Guid TenantId => workspace.Ceo.TenantId;

    private FakeCurrentUser Owner => new(owner.Role, owner.Id);

    private Task<T> InWorkspaceAsync<T>(Func<ApplicationDbContext, Task<T>> use) => workspace.InWorkspaceAsync(TenantId, use);

    private PersonDayRecomputer Recomputer(ApplicationDbContext db) =>
        new(db, workspace.Database.TenantContext, new WorkCalendars(db, workspace.Database.TenantContext, NoImportedWorkSettings.Instance), workspace.Database.Clock);

    private async Task AddItemAsync(Guid personId, ActivityKind kind, string externalId, DateTimeOffset at, TimeSpan duration)
    {
        var item = Activity.Record(new ActivityRecord(TenantId, personId, kind, ActivitySource.OutlookCalendar, at, duration, externalId, 2, false, externalId), at);
        await InWorkspaceAsync(db =>
        {
            db.Activities.Add(item);
            return Task.FromResult(true);
        });
    }

    /// <summary>Recomputes every day marked out of date, as the background job does.</summary>
    private Task DrainAsync() =>
        InWorkspaceAsync(async db =>
        {
            var marks = await db.DirtyPersonDays.AsNoTracking().Select(d => new PersonDate(d.PersonId, d.Date)).ToListAsync();
            await Recomputer(db).RecomputeAsync(marks, CancellationToken.None);
            return marks.Count;
        });

    private Task<(int Items, TimeSpan Credited, int? Score)> ZoesDayAsync() =>
        InWorkspaceAsync(async db =>
        {
            var day = await db.PersonDays.AsNoTracking().SingleAsync(d => d.PersonId == workspace.Zoe.Id && d.Date == ReportingWorkspace.Day);
            return (day.ItemCount, day.Credited, day.Score);
        });

    private Task<TimeSpan> SalesCreditedAsync() =>
        InWorkspaceAsync(db => db.GroupDays.AsNoTracking().Where(g => g.Team == "Sales" && g.Date == ReportingWorkspace.Day).Select(g => g.Credited).SingleAsync());

    [Fact]
    public async Task ErasingALinkedIdentityRemovesWhatItBroughtAndTheTargetsDayCountsOnlyTheirOwnItems()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        await AddItemAsync(workspace.Zoe.Id, ActivityKind.Meeting, "zoe-meeting", ReportingWorkspace.At(10), TimeSpan.FromHours(1));
        await AddItemAsync(workspace.Zoe.Id, ActivityKind.Meeting, "both-attended", ReportingWorkspace.At(13), TimeSpan.FromHours(1));
        await AddItemAsync(secondAddress.Id, ActivityKind.Meeting, "both-attended", ReportingWorkspace.At(13), TimeSpan.FromHours(1));
        await AddItemAsync(secondAddress.Id, ActivityKind.EmailSent, "old-mail", ReportingWorkspace.At(11), CreditingRules.SentEmail);
        await AddItemAsync(secondAddress.Id, ActivityKind.Meeting, "old-meeting", ReportingWorkspace.At(15), TimeSpan.FromHours(1));
        workspace.Database.Clock.Advance(TimeSpan.FromDays(1));
        await DrainAsync();
        var ownDay = await ZoesDayAsync();
        var ownSales = await SalesCreditedAsync();
        Assert.Equal(2, ownDay.Items);

        // Linked: the second address's items land on Zoe (the meeting both attended once, as Zoe's), and one is corrected there.
        await InWorkspaceAsync(db => new ReviewProvisioningCommandHandler(db, workspace.Database.TenantContext, Owner, workspace.Database.Clock)
            .Handle(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email), CancellationToken.None).AsTask());
        await InWorkspaceAsync(async db =>
        {
            var mail = await db.Activities.SingleAsync(a => a.ExternalId == "old-mail");
            var previous = mail.CreditedDuration;
            mail.CorrectCreditedDuration(TimeSpan.FromMinutes(45));
            db.ActivityCorrections.Add(ActivityCorrection.Record(mail, owner.Id, previous, workspace.Database.Clock.GetUtcNow()));
            return true;
        });
        await DrainAsync();
        var linkedDay = await ZoesDayAsync();
        Assert.Equal(4, linkedDay.Items);
        Assert.True(linkedDay.Credited > ownDay.Credited, $"{linkedDay.Credited} credited once linked, {ownDay.Credited} before");
        Assert.True(await SalesCreditedAsync() > ownSales);
        await InWorkspaceAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        var erasure = await InWorkspaceAsync(db => new ErasePersonCommandHandler(
                db, workspace.Database.TenantContext, Owner, new ModelOwnedRows(db), Recomputer(db), workspace.Database.Clock)
            .Handle(new ErasePersonCommand(secondAddress.Id), CancellationToken.None).AsTask());

        var left = await InWorkspaceAsync(async db => new
        {
            ZoesItems = await db.Activities.Where(a => a.PersonId == workspace.Zoe.Id).OrderBy(a => a.ExternalId).Select(a => a.ExternalId).ToListAsync(),
            Brought = await db.Activities.CountAsync(a => a.SourcePersonId == secondAddress.Id || a.PersonId == secondAddress.Id),
            Corrections = await db.ActivityCorrections.CountAsync(),
            Identity = await db.People.AnyAsync(p => p.Id == secondAddress.Id),
            Zoe = await db.People.AnyAsync(p => p.Id == workspace.Zoe.Id),
            Tombstone = await db.ErasedIdentities.Select(e => e.ExternalId).SingleAsync(),
            ZoeMarked = await db.DirtyPersonDays.AnyAsync(d => d.PersonId == workspace.Zoe.Id && d.Date == ReportingWorkspace.Day),
        });
        Assert.Equal(["both-attended", "zoe-meeting"], left.ZoesItems);
        Assert.Equal((0, 0, false, true, "zoe-old", true), (left.Brought, left.Corrections, left.Identity, left.Zoe, left.Tombstone, left.ZoeMarked));
        Assert.Contains(erasure.Tables, t => t.Table == "Activities" && t.Count == 2);
        Assert.Contains(erasure.Tables, t => t.Table == "ActivityCorrections" && t.Count == 1);
        Assert.Contains(erasure.Tables, t => t.Table == "People" && t.Count == 1);

        await DrainAsync();
        Assert.Equal(ownDay, await ZoesDayAsync());
        Assert.Equal(ownSales, await SalesCreditedAsync());
    }

    [Fact]
    public async Task ErasingAPersonStillErasesTheIdentitiesLinkedIntoThemWithEveryItemAndMarksNobodyElse()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        await AddItemAsync(workspace.Zoe.Id, ActivityKind.Meeting, "zoe-meeting", ReportingWorkspace.At(10), TimeSpan.FromHours(1));
        await AddItemAsync(secondAddress.Id, ActivityKind.Meeting, "old-meeting", ReportingWorkspace.At(15), TimeSpan.FromHours(1));
        await AddItemAsync(workspace.Tom.Id, ActivityKind.Meeting, "tom-meeting", ReportingWorkspace.At(9), TimeSpan.FromHours(1));
        await InWorkspaceAsync(db => new ReviewProvisioningCommandHandler(db, workspace.Database.TenantContext, Owner, workspace.Database.Clock)
            .Handle(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email), CancellationToken.None).AsTask());
        await InWorkspaceAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        var erasure = await InWorkspaceAsync(db => new ErasePersonCommandHandler(
                db, workspace.Database.TenantContext, Owner, new ModelOwnedRows(db), new RecordingRecomputer(), workspace.Database.Clock)
            .Handle(new ErasePersonCommand(workspace.Zoe.Id), CancellationToken.None).AsTask());

        Assert.Equal(["tom-meeting"], await InWorkspaceAsync(db => db.Activities.Select(a => a.ExternalId).ToListAsync()));
        Assert.False(await InWorkspaceAsync(db => db.People.AnyAsync(p => p.Id == workspace.Zoe.Id || p.Id == secondAddress.Id)));
        Assert.Equal(2, erasure.Tables.Single(t => t.Table == "Activities").Count);
        Assert.False(await InWorkspaceAsync(db => db.DirtyPersonDays.AnyAsync()));
    }
}
