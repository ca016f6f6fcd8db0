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
/// A small organisation for the reporting queries: Olivia (CEO) ← Hana (head of sales) ← Sam (sales lead) ← Lena, and
/// Erik in engineering under Olivia; a second workspace with Nora. Activities are added per test.
/// </summary>
internal sealed class StreamWorkspace : IDisposable
{
    public static readonly LocalDate Day = new(2026, 3, 2);

    public TestDatabase Database { get; } = new();

    public Guid TenantId { get; private set; }

    public Guid OtherTenantId { get; private set; }

    public Dictionary<string, Person> People { get; } = [];

    public static async Task<StreamWorkspace> CreateAsync()
    {
        var workspace = new StreamWorkspace();
        var db = workspace.Database;
        workspace.TenantId = (await db.AddTenantAsync("tenant-a", "a.test")).Id;
        workspace.OtherTenantId = (await db.AddTenantAsync("tenant-b", "b.test")).Id;
        foreach (var (key, department, manager) in new[]
        {
            ("olivia", "Management", (string?)null), ("hana", "Sales", "olivia"), ("sam", "Sales", "hana"),
            ("lena", "Sales", "sam"), ("erik", "Engineering", "olivia"),
        })
        {
            workspace.People[key] = await AddAsync(db, workspace.TenantId, key, department, manager);
        }

        workspace.People["nora"] = await AddAsync(db, workspace.OtherTenantId, "nora", "Sales", null);
        return workspace;
    }

    private static async Task<Person> AddAsync(TestDatabase db, Guid tenantId, string key, string department, string? manager)
    {
        var person = Person.Import(tenantId, key, new DirectoryProfile($"{key}@a.test", char.ToUpperInvariant(key[0]) + key[1..], department, null, manager),
            ProvisioningState.Link, db.Clock.GetUtcNow());
        using var scope = db.TenantContext.BeginScope(tenantId);
        await using var context = db.CreateContext();
        context.People.Add(person);
        await context.SaveChangesAsync();
        return person;
    }

    public async Task<Activity> AddActivityAsync(
        string person, DateTimeOffset at, ActivityKind kind = ActivityKind.EmailSent, ActivityLocation? location = null, DateTimeOffset? syncedAt = null, string? cloudProvider = null)
    {
        var owner = People[person];
        var activity = Activity.Record(
            new ActivityRecord(owner.TenantId, owner.Id, kind, kind == ActivityKind.SignIn ? ActivitySource.EntraId : ActivitySource.Outlook, at, TimeSpan.FromMinutes(5), null, 1, false, Guid.NewGuid().ToString())
            {
                Location = location,
                CloudProvider = cloudProvider,
            },
            syncedAt ?? Database.Clock.GetUtcNow());
        using var scope = Database.TenantContext.BeginScope(owner.TenantId);
        await using var db = Database.CreateContext();
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity;
    }

    public async Task AddLocationAsync(string person, string city, double latitude, double longitude, int count)
    {
        var owner = People[person];
        using var scope = Database.TenantContext.BeginScope(owner.TenantId);
        await using var db = Database.CreateContext();
        db.PersonDayLocations.Add(PersonDayLocation.Of(owner.TenantId, owner.Id, Day.ToDateOnly(), city, "US", latitude, longitude, count));
        await db.SaveChangesAsync();
    }

    /// <summary>Stores the person's <see cref="Day"/> as computed from no items: a day the read model has reached, without places.</summary>
    public async Task AddComputedDayWithoutItemsAsync(string person)
    {
        var owner = People[person];
        var schedule = new WorkSchedule(new LocalTime(9, 0), new LocalTime(17, 0), new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }, 80);
        var day = ScoringDays.Resolve(DateTimeZone.Utc, Day, schedule, isHoliday: false);
        var result = ScoreEngine.Compute(day, [], CreditingTable.Default);
        using var scope = Database.TenantContext.BeginScope(owner.TenantId);
        await using var db = Database.CreateContext();
        db.PersonDays.Add(PersonDay.From(owner.TenantId, owner.Id, "Etc/UTC", day, result, "Nothing credited.", HourlyCounts.None));
        await db.SaveChangesAsync();
    }

    /// <summary>Runs a handler as <paramref name="viewer"/> with <paramref name="role"/>, inside the viewer's workspace.</summary>
    public async Task<T> AsAsync<T>(
        string viewer, PersonRole role, Func<ApplicationDbContext, ViewerScopes, IWorkCalendars, ITenantContext, Task<T>> run, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var person = People[viewer];
        using var scope = Database.TenantContext.BeginScope(person.TenantId);
        await using var db = Database.CreateContext(interceptors);
        var scopes = new ViewerScopes(db, new FakeCurrentUser(role, person.Id), Database.TenantContext, TestPseudonymKeys.Instance);
        return await run(db, scopes, new WorkCalendars(db, Database.TenantContext, NoImportedWorkSettings.Instance), Database.TenantContext);
    }

    /// <summary>Privacy mode's group check, on the handler's own context.</summary>
    public GroupPrivacy Privacy(ApplicationDbContext db) => new(db, Database.TenantContext, Database.Clock);

    public void Dispose() => Database.Dispose();
}
