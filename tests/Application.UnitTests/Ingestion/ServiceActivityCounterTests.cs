using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion.CountActivities;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class ServiceActivityCounterTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task AddEmailAsync(Person person, string id)
    {
        using var scope = database.TenantContext.BeginScope(person.TenantId);
        await using var db = database.CreateContext();
        db.Activities.Add(Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, ActivityKind.EmailSent, ActivitySource.Outlook, TestDatabase.Start, TimeSpan.FromMinutes(5), null, 0, false, id),
            TestDatabase.Start));
        await db.SaveChangesAsync();
    }

    private async Task<long?> RecountIfStaleAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        await new ServiceActivityCounter(db, database.Clock).RecountIfStaleAsync(tenantId, CancellationToken.None);
        await db.SaveChangesAsync();
        return (await db.ServiceActivityCounts.SingleOrDefaultAsync(c => c.Kind == ActivityKind.EmailSent))?.Count;
    }

    [Fact]
    public async Task WhileASyncRunsCountsAreRefreshedAtMostEveryTwentySeconds()
    {
        var tenant = await database.AddTenantAsync("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        var ann = await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        await AddEmailAsync(ann, "m-1");

        Assert.Equal(1, await RecountIfStaleAsync(tenant.Id));

        await AddEmailAsync(ann, "m-2");
        database.Clock.Advance(ServiceActivityCounter.DuringRun - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RecountIfStaleAsync(tenant.Id));

        database.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await RecountIfStaleAsync(tenant.Id));
    }
}
