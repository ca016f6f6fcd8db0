using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Benchmarks;
using WorkSights.Domain.Activities;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Scores;
using WorkSights.Tests.Shared;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace WorkSights.PageBenchmark;

/// <summary>
/// The signed-up workspace filled with days of synthetic work for every imported person, stored through the sync's own
/// write path, then every person-day computed by the app's full recompute.
/// </summary>
internal static class WorkspaceData
{
    public sealed record Seeded(int People, int Activities, int PersonDays, TimeSpan Seeding, TimeSpan Recompute);

    public static async Task<Seeded> SeedAsync(WorkSightsApp app, string externalTenantId, int days)
    {
        var workspace = await app.WorkspaceAsync(externalTenantId);
        var people = await app.InWorkspaceAsync(externalTenantId, db => db.People.AsNoTracking().Select(p => p.Id).ToListAsync());
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var random = new Random(11);
        var stored = 0;
        var seeding = Stopwatch.GetTimestamp();
        foreach (var person in people)
        {
            var page = Enumerable.Range(1, days).SelectMany(day => ActivityDays.DayOf(workspace.Id, person, today.AddDays(-day), random)).ToList();
            await app.InWorkspaceAsync(externalTenantId, db => db.SaveChangesWithAsync([.. page.Select(r => Activity.Record(r, today))], CancellationToken.None));
            stored += page.Count;
        }

        var seeded = Stopwatch.GetElapsedTime(seeding);
        var recompute = Stopwatch.GetTimestamp();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspace.Id);
            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().DirtyPersonDays.ExecuteDeleteAsync();
            await scope.ServiceProvider.GetRequiredService<PersonDayRecomputer>().RebuildAsync(CancellationToken.None);
        }

        var recomputed = Stopwatch.GetElapsedTime(recompute);
        var personDays = await app.InWorkspaceAsync(externalTenantId, db => db.PersonDays.CountAsync());
        return new Seeded(people.Count, stored, personDays, seeded, recomputed);
    }
}
