using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;

namespace WorkSights.Benchmarks;

/// <summary>
/// The application's write path alone: pages of synthetic activities (one person and source each, as the sync writes
/// them) stored with <see cref="IApplicationDbContext.SaveChangesWithAsync"/> from four concurrent writers through the
/// application's own composition (write gate, group commit, SQLite settings), with no runner, Graph or sandbox traffic;
/// compared with the raw insert of the same rows.
/// </summary>
internal static class WritePathBenchmark
{
    private const int People = 1000;
    private const int Writers = 4;
    private const int RowsPerPage = 216;
    private static readonly (ActivitySource Source, ActivityKind Kind, int Items)[] PerPerson =
        [(ActivitySource.Outlook, ActivityKind.EmailSent, 300), (ActivitySource.OutlookCalendar, ActivityKind.Meeting, 250), (ActivitySource.Teams, ActivityKind.Call, 25)];

    public static async Task RunAsync()
    {
        Report.Section("Write path alone: SaveChangesWithAsync from 4 writers, synthetic pages, no runner or Graph");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions());
        await using var app = await AppHost.StartAsync(sandbox, new AppHostSettings());
        var now = DateTimeOffset.UtcNow;
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, Guid.NewGuid().ToString(), "bench.example", now);
        tenant.GrantConsent(now);
        var people = Enumerable.Range(0, People)
            .Select(i => Person.Import(tenant.Id, $"oid-{i}", new DirectoryProfile($"person{i}@bench.example", $"Person {i}", null, null, null), ProvisioningState.New, now))
            .ToList();
        await WriteAsync(app, tenant.Id, db =>
        {
            db.Tenants.Add(tenant);
            return db.SaveChangesAsync(CancellationToken.None);
        }, withTenant: false);
        await WriteAsync(app, tenant.Id, db =>
        {
            db.People.AddRange(people);
            return db.SaveChangesAsync(CancellationToken.None);
        });

        var pages = Pages(tenant.Id, people, now);
        var rows = pages.Sum(p => p.Count);
        var queue = new Queue<IReadOnlyCollection<Activity>>(pages);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                IReadOnlyCollection<Activity>? page;
                lock (queue)
                {
                    queue.TryDequeue(out page);
                }

                if (page is null)
                {
                    return;
                }

                await WriteAsync(app, tenant.Id, db => db.SaveChangesWithAsync(page, CancellationToken.None));
            }
        })));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var rate = rows / elapsed.TotalSeconds;

        var raw = await RawInsert.RunAsync(app.ConnectionString);
        var rawRate = raw.Rows / raw.Elapsed.TotalSeconds;
        Report.Figure("write path: pages of one person and source", $"{pages.Count:N0} pages, {rows:N0} rows in {Report.Seconds(elapsed)} = {Report.Rate(rate, "rows/s")}");
        Report.Figure("raw: one prepared SqliteCommand, one transaction", $"{raw.Rows:N0} rows in {Report.Seconds(raw.Elapsed)} = {Report.Rate(rawRate, "rows/s")}");
        Report.Figure("write path / raw insert rate", $"{rate / rawRate:F2}");
    }

    private static List<IReadOnlyCollection<Activity>> Pages(Guid tenantId, IReadOnlyList<Person> people, DateTimeOffset now)
    {
        var random = new Random(7);
        var pages = new List<IReadOnlyCollection<Activity>>();
        foreach (var person in people)
        {
            foreach (var (source, kind, items) in PerPerson)
            {
                var activities = Enumerable.Range(0, items).Select(i => Activity.Record(
                    new ActivityRecord(tenantId, person.Id, kind, source, now.AddMinutes(-random.Next(29 * 24 * 60)), TimeSpan.FromMinutes(random.Next(1, 60)),
                        $"Subject {random.Next():x}", random.Next(1, 8), random.Next(4) == 0, $"AAMkAGI{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}{i}"),
                    now)).ToList();
                pages.AddRange(activities.Chunk(RowsPerPage));
            }
        }

        return pages;
    }

    private static async Task WriteAsync(AppHost app, Guid tenantId, Func<IApplicationDbContext, Task<int>> write, bool withTenant = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = withTenant ? scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId) : null;
        await write(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }
}
