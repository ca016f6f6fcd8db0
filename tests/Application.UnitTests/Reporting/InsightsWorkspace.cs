using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetExecutiveOverview;
using WorkSights.Application.Reporting.GetFindings;
using WorkSights.Application.Reporting.GetScoreReport;
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
/// A workspace whose people have a week of scored days, computed by the real engine: the CEO (Executive) → a Manager
/// → a team lead → a developer (the Manager's indirect report), and a Member reporting to the CEO; a Technical Admin;
/// and a second workspace with one person. Today is Monday 2 March 2026 (UTC).
/// </summary>
internal sealed class InsightsWorkspace : IAsyncDisposable
{
    public static readonly LocalDate Today = new(2026, 3, 2);

    private static readonly WorkSchedule Schedule = new(new LocalTime(9, 0), new LocalTime(17, 0),
        new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }, 80);

    private readonly TestDatabase database = new();
    private readonly List<ApplicationDbContext> contexts = [];

    public Guid TenantId { get; private set; }

    public Guid OtherTenantId { get; private set; }

    public Person Ceo { get; private set; } = null!;

    public Person Manager { get; private set; } = null!;

    public Person Lead { get; private set; } = null!;

    public Person Developer { get; private set; } = null!;

    public Person Member { get; private set; } = null!;

    public Person Admin { get; private set; } = null!;

    public Person Stranger { get; private set; } = null!;

    public static async Task<InsightsWorkspace> CreateAsync(bool scoresVisibleToMembers = true)
    {
        var workspace = new InsightsWorkspace();
        await workspace.SeedAsync(scoresVisibleToMembers);
        return workspace;
    }

    public ValueTask<ScoreReportDto> ScoreReportAsync(
        Person viewer,
        LocalDate day,
        Application.Reporting.ReportFilter? filter = null,
        ScoreReportSort sort = ScoreReportSort.Name,
        bool descending = false,
        int page = 1,
        int pageSize = GetScoreReportQuery.DefaultPageSize,
        ReaderCommands? reads = null)
    {
        var (db, scopes) = As(viewer, reads is null ? [] : [reads]);
        return new GetScoreReportQueryHandler(db, scopes, Privacy(db))
            .Handle(new GetScoreReportQuery(Today.PlusDays(-6), Today, day, filter ?? Application.Reporting.ReportFilter.None, sort, descending, page, pageSize), CancellationToken.None);
    }

    public ValueTask<IReadOnlyList<FindingDto>> TeamFindingsAsync(Person viewer, Application.Reporting.ReportFilter? filter = null, ReaderCommands? reads = null)
    {
        var (db, scopes) = As(viewer, reads is null ? [] : [reads]);
        return new GetTeamFindingsQueryHandler(db, scopes, Privacy(db), Observed(db), FreshMemo())
            .Handle(new GetTeamFindingsQuery(filter ?? Application.Reporting.ReportFilter.None), CancellationToken.None);
    }

    public ValueTask<IReadOnlyList<FindingDto>> MyFindingsAsync(Person viewer, ReaderCommands? reads = null)
    {
        var (db, scopes) = As(viewer, reads is null ? [] : [reads]);
        return new GetMyFindingsQueryHandler(db, scopes, Observed(db)).Handle(new GetMyFindingsQuery(), CancellationToken.None);
    }

    public ValueTask<ExecutiveOverviewDto> ExecutiveOverviewAsync(Person viewer, Application.Reporting.ReportFilter? filter = null, ReaderCommands? reads = null)
    {
        var (db, scopes) = As(viewer, reads is null ? [] : [reads]);
        return new GetExecutiveOverviewQueryHandler(db, scopes, Privacy(db), new WorkCalendars(db, database.TenantContext, NoImportedWorkSettings.Instance), database.TenantContext, database.Clock)
            .Handle(new GetExecutiveOverviewQuery(Today, filter ?? Application.Reporting.ReportFilter.None), CancellationToken.None);
    }

    /// <summary>SQLite's plan for each command <paramref name="reads"/> recorded, on this workspace's database (which has no statistics gathered).</summary>
    public Task<List<(string Sql, List<ReaderCommands.PlanStep> Plan)>> PlansAsync(ReaderCommands reads) => reads.PlansAsync(As(Ceo).Db);

    /// <summary>One item of <paramref name="person"/>'s, stored as the sync stores it.</summary>
    public async Task AddActivityAsync(Person person, DateTimeOffset at, ActivityKind kind, string city)
    {
        using var scope = database.TenantContext.BeginScope(person.TenantId);
        await using var db = database.CreateContext();
        db.Activities.Add(Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, kind, ActivitySource.OutlookCalendar, at, TimeSpan.FromMinutes(30), null, 1, false, Guid.NewGuid().ToString())
            {
                Location = new ActivityLocation(city, null, "GB", 51.5, -0.1),
            },
            at));
        await db.SaveChangesAsync();
    }

    /// <summary>Privacy mode's group check, on the handler's own context.</summary>
    public GroupPrivacy Privacy(ApplicationDbContext db) => new(db, database.TenantContext, database.Clock);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        database.Dispose();
    }

    /// <summary>The fortnight's daily averages read from every person-day and from the workspace's group days.</summary>
    public async Task<(IReadOnlyList<DailyAverage> FromPersonDays, IReadOnlyList<DailyAverage> FromGroupDays)> DailyAveragesBothWaysAsync()
    {
        var (db, _) = As(Ceo);
        var from = Today.PlusDays(-13);
        return (
            await DailyAverages.OfAsync(db.PersonDays.AsNoTracking(), from, Today, seesScores: true, CancellationToken.None),
            await DailyAverages.OfWorkspaceAsync(db.GroupDays.AsNoTracking(), from, Today, seesScores: true, CancellationToken.None));
    }

    /// <summary>Each person's stored summary of <paramref name="day"/>, read straight from the person-day rows.</summary>
    public async Task<Dictionary<Guid, string>> StoredSummariesAsync(LocalDate day)
    {
        var (db, _) = As(Ceo);
        var date = day.ToDateOnly();
        return await db.PersonDays.AsNoTracking().Where(d => d.Date == date).ToDictionaryAsync(d => d.PersonId, d => d.Summary);
    }

    /// <summary>A memo that remembers nothing between two calls: each call has a cache of its own.</summary>
    private WorkspaceMemo FreshMemo() => new(new WorkspaceMemoStore(), new ReportedDataVersions(), database.TenantContext, database.Clock);

    private ObservedPeople Observed(ApplicationDbContext db) => new(db, new WorkCalendars(db, database.TenantContext, NoImportedWorkSettings.Instance), database.Clock);

    private (ApplicationDbContext Db, ViewerScopes Scopes) As(Person viewer, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        database.TenantContext.BeginScope(viewer.TenantId);
        var db = database.CreateContext(interceptors);
        contexts.Add(db);
        return (db, new ViewerScopes(db, new FakeCurrentUser(viewer.Role, viewer.Id), database.TenantContext, TestPseudonymKeys.Instance));
    }

    private async Task SeedAsync(bool scoresVisibleToMembers)
    {
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));
        var tenant = await database.AddTenantAsync("tenant-a", "a.example");
        TenantId = tenant.Id;
        OtherTenantId = (await database.AddTenantAsync("tenant-b", "b.example")).Id;
        if (!scoresVisibleToMembers)
        {
            using var scope = database.TenantContext.BeginScope(TenantId);
            await using var db = database.CreateContext();
            db.Tenants.Single(t => t.Id == TenantId).ShowScoresToMembers(false);
            await db.SaveChangesAsync();
        }

        Ceo = await AddAsync(TenantId, "ceo", "Ada Ceo", "Executive", null, PersonRole.Executive, hours: 6.5);
        Manager = await AddAsync(TenantId, "mgr", "Bo Manager", "Engineering", "ceo", PersonRole.Manager, hours: 9.6);
        Lead = await AddAsync(TenantId, "lead", "Cy Lead", "Engineering", "mgr", PersonRole.Member, hours: 6.4);
        Developer = await AddAsync(TenantId, "dev", "Di Developer", "Engineering", "lead", PersonRole.Member, hours: 1);
        Member = await AddAsync(TenantId, "member", "Ed Member", "Sales", "ceo", PersonRole.Member, hours: 5);
        Admin = await AddAsync(TenantId, "admin", "Fay Admin", null, null, PersonRole.TechnicalAdmin, hours: 4);
        Stranger = await AddAsync(OtherTenantId, "stranger", "Gil Stranger", "Engineering", null, PersonRole.Owner, hours: 7);
        await AddWorkspaceDaysAsync(TenantId);
    }

    /// <summary>The workspace's group days, as the recompute job keeps them beside the person-days.</summary>
    private async Task AddWorkspaceDaysAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        var days = await db.PersonDays.ToListAsync();
        db.GroupDays.AddRange(days.GroupBy(d => d.Date).Select(g => GroupDay.Of(tenantId, GroupDay.Workspace, g.Key, g.ToList())));
        await db.SaveChangesAsync();
    }

    private async Task<Person> AddAsync(Guid tenantId, string externalId, string name, string? team, string? manager, PersonRole role, double hours)
    {
        var person = Person.Import(tenantId, externalId, new DirectoryProfile($"{externalId}@example.com", name, team, team is null ? null : $"{team} role", manager),
            ProvisioningState.New, database.Clock.GetUtcNow());
        person.AssignRole(role);
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        db.People.Add(person);
        for (var date = Today.PlusDays(-13); date <= Today; date = date.PlusDays(1))
        {
            var day = ScoringDays.Resolve(DateTimeZone.Utc, date, Schedule, isHoliday: false);
            var start = date.AtStartOfDayInZone(DateTimeZone.Utc).ToDateTimeOffset();
            var half = TimeSpan.FromHours(hours / 2);
            var activities = day.WorkHours is null
                ? []
                : new[]
                {
                    new ScoringActivity(Guid.NewGuid(), ActivityKind.Meeting, start.AddHours(9), half, isExternal: false),
                    new ScoringActivity(Guid.NewGuid(), ActivityKind.Call, start.AddHours(9) + half, half, isExternal: false),
                };
            var result = ScoreEngine.Compute(day, activities, CreditingTable.Default);
            var itemsByHour = HourlyCounts.OfItemsAt(day.WorkHours is null ? [] : [9]);
            db.PersonDays.Add(PersonDay.From(tenantId, person.Id, "Etc/UTC", day, result, $"{name} worked {hours} h.", itemsByHour));
        }

        await db.SaveChangesAsync();
        return person;
    }
}
