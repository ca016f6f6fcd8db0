using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Schedules;
using WorkSights.Application.Scores;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Reporting;

/// <summary>
/// A workspace with a small reporting tree (Ceo ← Mia ← Raj ← Zoe; Ceo ← Tom), another workspace with Oli, items on
/// <see cref="Day"/> and person-day rows computed with the real engine, as the recompute will.
/// </summary>
internal sealed class ReportingWorkspace : IDisposable
{
    public static readonly DateOnly Day = new(2026, 3, 2);

    private ReportingWorkspace()
    {
    }

    public TestDatabase Database { get; } = new();

    public Person Ceo { get; private set; } = null!;

    public Person Mia { get; private set; } = null!;

    public Person Raj { get; private set; } = null!;

    public Person Zoe { get; private set; } = null!;

    public Person Tom { get; private set; } = null!;

    public Person Oli { get; private set; } = null!;

    public static async Task<ReportingWorkspace> CreateAsync()
    {
        var w = new ReportingWorkspace();
        var tenant = await w.Database.AddTenantAsync("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        w.Ceo = await w.PersonAsync(tenant.Id, "ceo", "Leadership", null, PersonRole.Executive);
        w.Mia = await w.PersonAsync(tenant.Id, "mia", "Sales", "ceo", PersonRole.Manager);
        w.Raj = await w.PersonAsync(tenant.Id, "raj", "Sales", "mia", PersonRole.Manager);
        w.Zoe = await w.PersonAsync(tenant.Id, "zoe", "Sales", "raj", PersonRole.Member);
        w.Tom = await w.PersonAsync(tenant.Id, "tom", "Engineering", "ceo", PersonRole.Member);
        var other = await w.Database.AddTenantAsync("0e0e0e0e-3333-4a5b-9c6d-7e8f9a0b1c2d", "fabrikam.com");
        w.Oli = await w.PersonAsync(other.Id, "oli", "Sales", null, PersonRole.Owner);
        return w;
    }

    public static DateTimeOffset At(int hour, int minute = 0) => new(Day.Year, Day.Month, Day.Day, hour, minute, 0, TimeSpan.Zero);

    public async Task<Activity> AddItemAsync(Person person, ActivityKind kind, DateTimeOffset at, TimeSpan duration, string? title = null, int counterparts = 1)
    {
        var item = Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, kind, ActivitySource.OutlookCalendar, at, duration, title, counterparts, false, Guid.NewGuid().ToString()),
            at);
        await InWorkspaceAsync(person.TenantId, db =>
        {
            db.Activities.Add(item);
            return Task.CompletedTask;
        });
        return item;
    }

    /// <summary>Computes and stores the person's day from their stored items, replacing an earlier result.</summary>
    public Task<PersonDay> ComputeDayAsync(Person person, DateOnly? date = null) =>
        InWorkspaceAsync(person.TenantId, async db =>
        {
            var localDate = date ?? Day;
            var calendars = await new WorkCalendars(db, Database.TenantContext, NoImportedWorkSettings.Instance).ForPeopleAsync([person.Id], CancellationToken.None);
            var calendar = calendars[person.Id];
            var day = calendar.DayOf(LocalDate.FromDateOnly(localDate));
            var from = day.Bounds.Start - Activity.MaximumCreditedDuration;
            var items = await db.Activities.Where(a => a.PersonId == person.Id && a.OccurredAt >= from && a.OccurredAt < day.Bounds.End).ToListAsync();
            var result = ScoreEngine.Compute(day, items.Select(ScoringActivity.From), CreditingTable.Default);
            var row = PersonDay.From(person.TenantId, person.Id, calendar.Zone.Id, day, result, $"{result.Credited.TotalMinutes:0} minutes credited (score {result.Score ?? 0}).", HourlyCounts.None);
            await db.PersonDays.Where(d => d.PersonId == person.Id && d.Date == localDate).ExecuteDeleteAsync();
            db.PersonDays.Add(row);
            return row;
        });

    public async Task<T> InWorkspaceAsync<T>(Guid tenantId, Func<ApplicationDbContext, Task<T>> use)
    {
        using var scope = Database.TenantContext.BeginScope(tenantId);
        await using var db = Database.CreateContext();
        var result = await use(db);
        await db.SaveChangesAsync();
        return result;
    }

    public Task InWorkspaceAsync(Guid tenantId, Func<ApplicationDbContext, Task> use) =>
        InWorkspaceAsync(tenantId, async db =>
        {
            await use(db);
            return true;
        });

    /// <summary>Runs a handler as <paramref name="viewer"/> would send it: their workspace, their scope.</summary>
    public async Task<T> AsAsync<T>(Person viewer, Func<ApplicationDbContext, ViewerScopes, IWorkCalendars, Task<T>> run, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        using var scope = Database.TenantContext.BeginScope(viewer.TenantId);
        await using var db = Database.CreateContext(interceptors);
        var scopes = new ViewerScopes(db, new FakeCurrentUser(viewer.Role, viewer.Id), Database.TenantContext, TestPseudonymKeys.Instance);
        return await run(db, scopes, new WorkCalendars(db, Database.TenantContext, NoImportedWorkSettings.Instance));
    }

    /// <summary>Privacy mode's group check, on the handler's own context.</summary>
    public GroupPrivacy Privacy(ApplicationDbContext db) => new(db, Database.TenantContext, Database.Clock);

    public void Dispose() => Database.Dispose();

    private async Task<Person> PersonAsync(Guid tenantId, string name, string team, string? manager, PersonRole role)
    {
        var person = Person.Import(
            tenantId, name, new DirectoryProfile($"{name}@example.com", char.ToUpperInvariant(name[0]) + name[1..], team, null, manager), ProvisioningState.New, Database.Clock.GetUtcNow());
        person.AssignRole(role);
        await InWorkspaceAsync(tenantId, db =>
        {
            db.People.Add(person);
            return Task.CompletedTask;
        });
        return person;
    }
}

/// <summary>Remembers the days it was asked to recompute.</summary>
internal sealed class RecordingRecomputer : IPersonDayRecomputer
{
    public List<PersonDate> Days { get; } = [];

    public Task RecomputeAsync(IReadOnlyCollection<PersonDate> days, CancellationToken cancellationToken)
    {
        Days.AddRange(days);
        return Task.CompletedTask;
    }

    public List<DateOnly> GroupDates { get; } = [];

    public Task RecomputeGroupDaysAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken)
    {
        GroupDates.AddRange(dates);
        return Task.CompletedTask;
    }
}
