using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Scores;
using WorkSights.Sandbox;

namespace WorkSights.Benchmarks;

/// <summary>
/// The score read models of a 2,000-person workspace with 90 days of activity (about 20 items a work day, 2 on a
/// weekend day), stored through the sync's own write path: a full recompute (rebuild) of every person-day, then the
/// incremental recompute after one more day's sync (its dirty marks drained as the job drains them).
/// </summary>
internal static class RecomputeBenchmark
{
    private const int People = 2000;
    private const int Days = 90;
    private static readonly string[] Teams = ["Sales", "Engineering", "Support", "Finance", "Marketing"];

    public static async Task RunAsync()
    {
        Report.Section($"Score recompute: {People:N0} people x {Days} days");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions());
        await using var app = await AppHost.StartAsync(sandbox, new AppHostSettings());
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, Guid.NewGuid().ToString(), "bench.example", today);
        tenant.GrantConsent(today);
        var people = Enumerable.Range(0, People)
            .Select(i => Person.Import(tenant.Id, $"oid-{i}", new DirectoryProfile($"person{i}@bench.example", $"Person {i}", Teams[i % Teams.Length], null, null), ProvisioningState.New, today.AddDays(-Days + 30)))
            .ToList();
        await InWorkspaceAsync(app, tenant.Id, db =>
        {
            db.Tenants.Add(tenant);
            return db.SaveChangesAsync(CancellationToken.None);
        }, withTenant: false);
        await InWorkspaceAsync(app, tenant.Id, db =>
        {
            db.People.AddRange(people);
            return db.SaveChangesAsync(CancellationToken.None);
        });

        var random = new Random(11);
        var stored = 0;
        var seeding = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var person in people)
        {
            var page = Enumerable.Range(1, Days).SelectMany(day => ActivityDays.DayOf(tenant.Id, person.Id, today.AddDays(-day), random)).ToList();
            await InWorkspaceAsync(app, tenant.Id, db => db.SaveChangesWithAsync([.. page.Select(r => Activity.Record(r, today))], CancellationToken.None));
            stored += page.Count;
        }

        Report.Figure("seeded through the sync's write path", $"{stored:N0} activities in {Report.Seconds(System.Diagnostics.Stopwatch.GetElapsedTime(seeding))}");
        await InWorkspaceAsync(app, tenant.Id, db => db.DirtyPersonDays.ExecuteDeleteAsync());

        var full = System.Diagnostics.Stopwatch.GetTimestamp();
        await InWorkspaceAsync(app, tenant.Id, async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var workspace = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenant.Id);
            await scope.ServiceProvider.GetRequiredService<PersonDayRecomputer>().RebuildAsync(CancellationToken.None);
            return 0;
        });
        var fullElapsed = System.Diagnostics.Stopwatch.GetElapsedTime(full);
        var personDays = await app.QueryAsync(db => db.PersonDays.IgnoreQueryFilters().CountAsync());
        Report.Target("full recompute", $"{personDays:N0} person-days in {Report.Seconds(fullElapsed)}", "<= 30 s", fullElapsed.TotalSeconds <= 30);

        var sync = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var person in people)
        {
            var page = ActivityDays.DayOf(tenant.Id, person.Id, today, random).ToList();
            await InWorkspaceAsync(app, tenant.Id, db => db.SaveChangesWithAsync([.. page.Select(r => Activity.Record(r, today.AddHours(20)))], CancellationToken.None));
        }

        Report.Figure("one more day's sync (2,000 pages)", Report.Seconds(System.Diagnostics.Stopwatch.GetElapsedTime(sync)));
        var incremental = System.Diagnostics.Stopwatch.GetTimestamp();
        var drained = await InWorkspaceAsync(app, tenant.Id, async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var workspace = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenant.Id);
            var marks = await db.DirtyPersonDays.AsNoTracking().Select(d => new PersonDate(d.PersonId, d.Date)).ToListAsync();
            await scope.ServiceProvider.GetRequiredService<PersonDayRecomputer>().RecomputeAsync(marks, CancellationToken.None);
            return marks.Count;
        });
        var incrementalElapsed = System.Diagnostics.Stopwatch.GetElapsedTime(incremental);
        Report.Target("incremental recompute after one day's sync", $"{drained:N0} marked person-days in {Report.Seconds(incrementalElapsed)}", "<= 2 s", incrementalElapsed.TotalSeconds <= 2);
    }

    private static async Task<T> InWorkspaceAsync<T>(AppHost app, Guid tenantId, Func<ApplicationDbContext, Task<T>> work, bool withTenant = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = withTenant ? scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId) : null;
        return await work(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }
}
