using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Scores;
using WorkSights.Infrastructure.Tenancy;
using WorkSchedule = WorkSights.Application.Scores.WorkSchedule;

namespace WorkSights.Infrastructure.IntegrationTests.Scores;

/// <summary>
/// A workspace on a real SQLite file for the score read models: people with their own zone and schedule (changeable,
/// as the schedules issue will make them), activities written through the sync's save, a fake clock.
/// </summary>
internal sealed class ScoreReadModelWorkspace : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static readonly WorkSchedule NineToFive = new(
        new LocalTime(9, 0),
        new LocalTime(17, 0),
        new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
        80);

    private int nextId;

    public ScoreReadModelWorkspace()
    {
        Tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, Guid.NewGuid().ToString(), "contoso.com", Now);
        Tenant.GrantConsent(Now);
        using var db = Database.NewContext(TenantContext);
        db.Tenants.Add(Tenant);
        db.SaveChanges();
    }

    public TestDatabase Database { get; } = new();

    public TenantContext TenantContext { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public Tenant Tenant { get; }

    public SettableCalendars Calendars { get; } = new();

    public async Task<Person> AddPersonAsync(string name, string zone, string? department = null, DateTimeOffset? importedAt = null)
    {
        var person = Person.Import(Tenant.Id, $"oid-{name}", new DirectoryProfile($"{name}@contoso.com", name, department, null, null), ProvisioningState.New, importedAt ?? Now);
        using var scope = TenantContext.BeginScope(Tenant.Id);
        await using var db = Database.NewContext(TenantContext);
        db.People.Add(person);
        await db.SaveChangesAsync();
        Calendars.Set(person.Id, DateTimeZoneProviders.Tzdb[zone], NineToFive);
        return person;
    }

    public ActivityRecord Item(Person person, ActivityKind kind, DateTimeOffset at, TimeSpan duration, bool isExternal = false, ActivityLocation? location = null) =>
        new(Tenant.Id, person.Id, kind, kind == ActivityKind.SignIn ? ActivitySource.EntraId : ActivitySource.OutlookCalendar, at.ToUniversalTime(), duration, null, 2, isExternal, $"item-{++nextId}")
        {
            Location = location,
        };

    /// <summary>Stores a page as a sync does.</summary>
    public async Task SyncAsync(params ActivityRecord[] records)
    {
        using var scope = TenantContext.BeginScope(Tenant.Id);
        await using var db = Database.NewContext(TenantContext);
        await db.SaveChangesWithAsync([.. records.Select(r => Activity.Record(r, Clock.GetUtcNow()))], CancellationToken.None);
    }

    public async Task InWorkspaceAsync(Func<ApplicationDbContext, Task> work)
    {
        using var scope = TenantContext.BeginScope(Tenant.Id);
        await using var db = Database.NewContext(TenantContext);
        await work(db);
    }

    public async Task<T> InWorkspaceAsync<T>(Func<ApplicationDbContext, Task<T>> work)
    {
        using var scope = TenantContext.BeginScope(Tenant.Id);
        await using var db = Database.NewContext(TenantContext);
        return await work(db);
    }

    public PersonDayRecomputer Recomputer(ApplicationDbContext db) => new(db, TenantContext, Calendars, Clock, () => Database.NewContext(TenantContext));

    public Task<List<PersonDate>> DirtyDaysAsync() =>
        InWorkspaceAsync(db => db.DirtyPersonDays.AsNoTracking().Select(d => new PersonDate(d.PersonId, d.Date)).ToListAsync());

    /// <summary>Recomputes every marked day, as the background job does.</summary>
    public async Task DrainAsync()
    {
        var dirty = await DirtyDaysAsync();
        await InWorkspaceAsync(db => Recomputer(db).RecomputeAsync(dirty, CancellationToken.None));
    }

    public Task RecomputeAsync(params PersonDate[] days) => InWorkspaceAsync(db => Recomputer(db).RecomputeAsync(days, CancellationToken.None));

    /// <summary>Every row of the three read-model tables, every column as stored, in key order.</summary>
    public IReadOnlyList<string> ReadModelRows() =>
    [
        .. new[] { "PersonDays", "PersonDayLocations", "GroupDays" }
            .SelectMany(table => Database.RawRows(table, Tenant.Id, "Date").Order(StringComparer.Ordinal).Select(row => $"{table}: {row}")),
    ];

    public void Dispose() => Database.Dispose();

    /// <summary>Each person's zone and schedule, changeable between recomputes.</summary>
    internal sealed class SettableCalendars : IWorkCalendars
    {
        private readonly Dictionary<Guid, (DateTimeZone Zone, WorkSchedule Schedule)> people = [];

        public void Set(Guid personId, DateTimeZone zone, WorkSchedule schedule) => people[personId] = (zone, schedule);

        public (DateTimeZone Zone, WorkSchedule Schedule) Of(Guid personId) => people[personId];

        public Task<IReadOnlyDictionary<Guid, PersonCalendar>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, PersonCalendar>>(personIds
                .Where(people.ContainsKey)
                .ToDictionary(id => id, id => new PersonCalendar(people[id].Zone, _ => people[id].Schedule, _ => false)));
    }
}
