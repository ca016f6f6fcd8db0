using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>
/// The sync's write path: the prepared upsert, the one-writer-at-a-time gate, the group commit of queued pages and the
/// page-write metrics, on a real SQLite file.
/// </summary>
[Collection(nameof(PersistenceMetricsCollection))]
public sealed class ActivityWritesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database = new();
    private readonly TenantContext tenantContext = new();
    private readonly Tenant tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, "6c1d2e3f-0000-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com", Now);
    private readonly Person ann;

    public ActivityWritesTests()
    {
        tenant.GrantConsent(Now);
        ann = Person.Import(tenant.Id, "oid-ann", new DirectoryProfile("ann@contoso.com", "Ann", null, null, null), ProvisioningState.New, Now);
        using var db = database.NewContext(tenantContext);
        db.Tenants.Add(tenant);
        db.SaveChanges();
        using var scope = tenantContext.BeginScope(tenant.Id);
        db.People.Add(ann);
        db.SaveChanges();
    }

    public void Dispose() => database.Dispose();

    private ActivityRecord Record(string id, string title = "Weekly sync", int minutes = 45) =>
        new(tenant.Id, ann.Id, ActivityKind.SignIn, ActivitySource.EntraId, Now.AddMinutes(-minutes), TimeSpan.FromMinutes(minutes), title, 2, true, id)
        {
            Location = new ActivityLocation("Lisbon", "Lisboa", "PT", 38.7223, -9.1393),
            ClientIp = "203.0.113.9",
            CloudProvider = "Microsoft Azure",
        };

    [Fact]
    public async Task The_upsert_writes_exactly_the_row_EF_itself_writes()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var withLocation = Activity.Record(Record("a"), Now);
        var without = Activity.Record(Record("b") with { Kind = ActivityKind.Meeting, Source = ActivitySource.OutlookCalendar, Location = null, ClientIp = null, CloudProvider = null }, Now);
        await using (var db = database.NewContext(tenantContext))
        {
            db.Activities.AddRange(withLocation, without);
            await db.SaveChangesAsync();
        }

        var byEf = database.RawRows("Activities", tenant.Id);
        await using (var db = database.NewContext(tenantContext))
        {
            await db.Activities.ExecuteDeleteAsync();
            await db.SaveChangesWithAsync([withLocation, without], CancellationToken.None);
        }

        Assert.Equal(2, byEf.Count);
        Assert.Equal(byEf, database.RawRows("Activities", tenant.Id));
        await using var reader = database.NewContext(tenantContext);
        var read = await reader.Activities.AsNoTracking().SingleAsync(a => a.ExternalId == "a");
        Assert.Equal((withLocation.Id, withLocation.OccurredAt, "Lisbon", 38.7223, "203.0.113.9", "Microsoft Azure"), (read.Id, read.OccurredAt, read.Location!.City, read.Location.Latitude!.Value, read.ClientIp, read.CloudProvider));
    }

    [Fact]
    public async Task The_upsert_updates_an_item_in_place_and_keeps_a_corrected_estimate()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var first = Activity.Record(Record("a"), Now);
        await using (var db = database.NewContext(tenantContext))
        {
            await db.SaveChangesWithAsync([first, Activity.Record(Record("b"), Now)], CancellationToken.None);
            var stored = await db.Activities.SingleAsync(a => a.ExternalId == "b");
            stored.CorrectCreditedDuration(TimeSpan.FromMinutes(20));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(tenantContext))
        {
            var later = Now.AddHours(1);
            await db.SaveChangesWithAsync([Activity.Record(Record("a", "Renamed", 30), later), Activity.Record(Record("b", "Also renamed", 90), later)], CancellationToken.None);
        }

        await using var reader = database.NewContext(tenantContext);
        var rows = await reader.Activities.AsNoTracking().OrderBy(a => a.ExternalId).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal((first.Id, "Renamed", TimeSpan.FromMinutes(30), Now.AddHours(1)), (rows[0].Id, rows[0].Title, rows[0].CreditedDuration, rows[0].SyncedAt));
        Assert.Equal(("Also renamed", TimeSpan.FromMinutes(20), true), (rows[1].Title, rows[1].CreditedDuration, rows[1].IsCorrected));
    }

    [Fact]
    public async Task The_upsert_saves_the_other_pending_changes_in_the_same_transaction()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        // EF sees the person's read, then (the upsert runs on the connection itself) the person's update: it dies there.
        await using var db = database.NewContext(tenantContext, new CrashingCommandInterceptor(1));
        var person = await db.People.SingleAsync();
        person.AssignRole(PersonRole.Manager);

        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesWithAsync([Activity.Record(Record("a"), Now)], CancellationToken.None));

        await using var reader = database.NewContext(tenantContext);
        Assert.Equal(0, await reader.Activities.CountAsync());
        Assert.Equal(PersonRole.Member, (await reader.People.SingleAsync()).Role);
    }

    [Fact]
    public async Task The_upsert_refuses_another_workspace_s_activities()
    {
        using var scope = tenantContext.BeginScope(Guid.NewGuid());
        await using var db = database.NewContext(tenantContext);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesWithAsync([Activity.Record(Record("a"), Now)], CancellationToken.None));
    }

    [Fact]
    public async Task A_save_waits_while_another_context_holds_the_gate_and_a_cancelled_wait_gives_nothing_back()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites();
        await using var holder = database.NewContext(tenantContext, writes);
        await using var waiter = database.NewContext(tenantContext, writes);
        await using var impatient = database.NewContext(tenantContext, writes);

        var holding = await writes.HoldAsync(holder, CancellationToken.None);
        (await waiter.People.SingleAsync()).AssignRole(PersonRole.Manager);
        var waiting = waiter.SaveChangesAsync();
        using var cancel = new CancellationTokenSource();
        (await impatient.People.SingleAsync()).AssignRole(PersonRole.Executive);
        var cancelled = impatient.SaveChangesAsync(cancel.Token);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        await holding.DisposeAsync();
        Assert.Equal(1, await waiting);

        // Had the cancelled wait released the gate, two writers could now hold it at once.
        var again = await writes.HoldAsync(holder, CancellationToken.None);
        var second = writes.HoldAsync(waiter, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        await again.DisposeAsync();
        await (await second).DisposeAsync();
    }

    [Fact]
    public async Task Shutting_down_waits_for_the_write_in_progress_before_closing_the_writer_connection()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var writes = new SerializedWrites();
        await using var db = database.NewContext(tenantContext, writes);
        await db.SaveChangesWithAsync([Activity.Record(Record("before"), Now)], CancellationToken.None);
        var holding = await writes.HoldAsync(db, CancellationToken.None);

        var disposing = Task.Run(writes.Dispose);
        await Task.Delay(100);
        Assert.False(disposing.IsCompleted);
        await holding.DisposeAsync();
        await disposing.WaitAsync(TimeSpan.FromSeconds(5));

        await using var reader = database.NewContext(tenantContext);
        Assert.Equal(["before"], await reader.Activities.Select(a => a.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task A_write_after_shutting_down_fails_and_opens_no_connection()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var writes = new SerializedWrites();
        await using var db = database.NewContext(tenantContext, writes);
        await db.SaveChangesWithAsync([Activity.Record(Record("before"), Now)], CancellationToken.None);
        writes.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.SaveChangesWithAsync([Activity.Record(Record("late"), Now)], CancellationToken.None));

        await using var reader = database.NewContext(tenantContext);
        Assert.Equal(["before"], await reader.Activities.Select(a => a.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task A_page_write_reports_the_time_of_each_of_its_steps()
    {
        using var steps = new PersistenceMeasurements<double>("worksights.activities.page_write.duration");

        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites();
        await using (var db = database.NewContext(tenantContext, writes))
        {
            await db.SaveChangesWithAsync([Activity.Record(Record("a"), Now)], CancellationToken.None);
        }

        Assert.Equal(["lock wait", "upsert", "dirty days", "other changes", "commit"], steps.All.Select(s => s.Step));
        Assert.All(steps.All, s => Assert.True(s.Value >= 0));
    }

    [Fact]
    public async Task Pages_that_queue_behind_one_another_are_committed_together_each_with_its_own_changes()
    {
        using var pagesPerCommit = new PersistenceMeasurements<int>("worksights.activities.commit.pages");
        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites();
        await using var holder = database.NewContext(tenantContext, writes);
        var contexts = Enumerable.Range(0, 3).Select(_ => database.NewContext(tenantContext, writes)).ToList();
        var people = contexts.Select((db, i) => OtherPerson(db, $"p{i}")).ToList();

        var holding = await writes.HoldAsync(holder, CancellationToken.None);
        var pages = contexts.Select((db, i) => db.SaveChangesWithAsync([Activity.Record(Record($"page-{i}"), Now)], CancellationToken.None)).ToList();
        await Task.Delay(100);
        Assert.DoesNotContain(pages, p => p.IsCompleted);
        await holding.DisposeAsync();
        var written = await Task.WhenAll(pages);

        Assert.All(written, w => Assert.Equal(2, w));
        Assert.Equal([3], pagesPerCommit.All.Select(m => m.Value));
        await using var reader = database.NewContext(tenantContext);
        Assert.Equal(["page-0", "page-1", "page-2"], await reader.Activities.OrderBy(a => a.ExternalId).Select(a => a.ExternalId).ToListAsync());
        Assert.Equal(4, await reader.People.CountAsync());
        Assert.All(contexts, db => Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State != EntityState.Unchanged));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_page_that_fails_inside_a_group_is_undone_alone()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites();
        await using var holder = database.NewContext(tenantContext, writes);
        await using var first = database.NewContext(tenantContext, writes);
        await using var failing = database.NewContext(tenantContext, writes, new CrashingCommandInterceptor(1));
        await using var last = database.NewContext(tenantContext, writes);
        var person = await failing.People.SingleAsync();
        person.AssignRole(PersonRole.Manager);

        var holding = await writes.HoldAsync(holder, CancellationToken.None);
        var pages = new[]
        {
            first.SaveChangesWithAsync([Activity.Record(Record("first"), Now)], CancellationToken.None),
            failing.SaveChangesWithAsync([Activity.Record(Record("failing"), Now)], CancellationToken.None),
            last.SaveChangesWithAsync([Activity.Record(Record("last"), Now)], CancellationToken.None),
        };
        await holding.DisposeAsync();

        Assert.Equal(1, await pages[0]);
        await Assert.ThrowsAnyAsync<Exception>(() => pages[1]);
        Assert.Equal(1, await pages[2]);
        await using var reader = database.NewContext(tenantContext);
        Assert.Equal(["first", "last"], await reader.Activities.OrderBy(a => a.ExternalId).Select(a => a.ExternalId).ToListAsync());
        Assert.Equal(PersonRole.Member, (await reader.People.SingleAsync()).Role);
    }

    [Fact]
    public async Task A_plain_save_queued_behind_a_page_commits_the_page_s_group_first()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites();
        await using var holder = database.NewContext(tenantContext, writes);
        await using var pageWriter = database.NewContext(tenantContext, writes);
        await using var plain = database.NewContext(tenantContext, writes);
        (await plain.People.SingleAsync()).AssignRole(PersonRole.Executive);

        var holding = await writes.HoldAsync(holder, CancellationToken.None);
        var page = pageWriter.SaveChangesWithAsync([Activity.Record(Record("a"), Now)], CancellationToken.None);
        await Task.Delay(50);
        var save = plain.SaveChangesAsync();
        await holding.DisposeAsync();

        // The page's group is left open for the save queued behind it, which commits it before writing: no deadlock.
        var completed = await Task.WhenAll(page, save).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([1, 1], completed);
        await using var reader = database.NewContext(tenantContext);
        Assert.Equal((1, PersonRole.Executive), (await reader.Activities.CountAsync(), (await reader.People.SingleAsync()).Role));
    }

    [Fact]
    public async Task A_page_written_while_the_context_s_own_connection_is_open_is_written_on_it()
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites();
        await using var db = database.NewContext(tenantContext, writes);
        await db.Database.OpenConnectionAsync();
        var own = db.Database.GetDbConnection();
        (await db.People.SingleAsync()).AssignRole(PersonRole.Manager);

        Assert.Equal(2, await db.SaveChangesWithAsync([Activity.Record(Record("a"), Now)], CancellationToken.None));

        Assert.Same(own, db.Database.GetDbConnection());
        await using var reader = database.NewContext(tenantContext);
        Assert.Equal((1, PersonRole.Manager), (await reader.Activities.CountAsync(), (await reader.People.SingleAsync()).Role));
    }

    [Fact]
    public async Task The_log_is_copied_back_and_started_over_in_the_background_while_pages_are_written()
    {
        await using (var db = database.NewContext(tenantContext))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var databaseBytes = new FileInfo(database.FilePath).Length;
        using var scope = tenantContext.BeginScope(tenant.Id);
        using var writes = new SerializedWrites(new LogCheckpointSettings(RestartAfterPages: 20, PassInterval: TimeSpan.Zero), NullLogger.Instance);
        for (var page = 0; page < 30; page++)
        {
            await using var db = database.NewContext(tenantContext, writes);
            await db.SaveChangesWithAsync([.. Enumerable.Range(0, 40).Select(i => Activity.Record(Record($"{page}-{i}"), Now))], CancellationToken.None);
        }

        // The writer connection checkpoints nothing itself: only the background passes copy pages into the database file,
        // and only a log copied back to its last page is started over, which its header counts.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((new FileInfo(database.FilePath).Length <= databaseBytes || LogRestarts() == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(new FileInfo(database.FilePath).Length > databaseBytes, "no page was copied back into the database file");
        Assert.True(LogRestarts() > 0, "the log never started over");
        await using var reader = database.NewContext(tenantContext);
        Assert.Equal(1200, await reader.Activities.CountAsync());
    }

    [Fact]
    public async Task Every_connection_the_application_opens_carries_its_SQLite_settings()
    {
        await using var db = database.NewContext(tenantContext, new SqlitePragmas());
        await db.Database.OpenConnectionAsync();

        var settings = new List<long>();
        foreach (var pragma in new[] { "synchronous", "wal_autocheckpoint", "temp_store" })
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            settings.Add(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        // NORMAL, 16,384 pages, MEMORY.
        Assert.Equal([1L, 16384L, 2L], settings);
    }

    /// <summary>The checkpoint sequence number in the log file's header (big-endian, bytes 12–15): one more at each restart.</summary>
    private uint LogRestarts()
    {
        using var log = new FileStream(database.FilePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    private Person OtherPerson(ApplicationDbContext db, string name)
    {
        var person = Person.Import(tenant.Id, $"oid-{name}", new DirectoryProfile($"{name}@contoso.com", name, null, null, null), ProvisioningState.New, Now);
        db.People.Add(person);
        return person;
    }
}
