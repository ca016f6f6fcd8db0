using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.AuditLog;
using WorkSights.Application.Ingestion.SyncFeed;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Ingestion.AuditLog;

public sealed class AuditFeedImportTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();
    private readonly FakeAuditFeedReader reader = new();

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    [Fact]
    public async Task File_actions_become_titled_SharePoint_or_OneDrive_activities_without_urls()
    {
        var (tenant, ann, _) = await WorkspaceAsync();
        var at = Now.AddHours(-5);
        reader.Blob(AuditContentTypes.SharePoint, Now.AddHours(-4),
            Record("f1", at, "FileModified", "SharePoint", "ann-oid", "ann@contoso.com") with { SourceFileName = "budget.xlsx", ClientIp = "203.0.113.9" },
            Record("f2", at, "FileUploaded", "OneDrive", null, "ANN@contoso.com") with { SourceFileName = "Shared Documents/plan.docx?web=1&e=xyz" },
            Record("f3", at, "FileAccessed", "SharePoint", "ann-oid", "ann@contoso.com"),
            Record("f4", at, "FilePreviewed", "SharePoint", "ann-oid", "ann@contoso.com") with { SourceFileName = "skip.pdf" },
            Record("f5", at, "FileDeleted", "Exchange", "ann-oid", "ann@contoso.com") with { SourceFileName = "wrong-workload.pdf" });

        var result = await SyncAsync(tenant, TenantFeed.AuditSharePoint);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        var rows = await ActivitiesAsync(tenant.Id);
        Assert.Equal(["f1", "f2", "f3"], rows.Select(r => r.ExternalId));
        Assert.All(rows, r => Assert.Equal((ann.Id, ActivityKind.FileAction, CreditingRules.FileAction, at), (r.PersonId, r.Kind, r.CreditedDuration, r.OccurredAt)));
        Assert.Equal([ActivitySource.SharePoint, ActivitySource.OneDrive, ActivitySource.SharePoint], rows.Select(r => r.Source));
        Assert.Equal(["Modified budget.xlsx", "Uploaded plan.docx", "Opened"], rows.Select(r => r.Title));
        Assert.Equal("203.0.113.9", rows[0].ClientIp);
    }

    [Fact]
    public async Task Teams_messages_are_titled_with_the_channel_or_chat_name_and_count_the_other_members()
    {
        var (tenant, ann, _) = await WorkspaceAsync();
        var at = Now.AddHours(-3);
        reader.Blob(AuditContentTypes.General, Now.AddHours(-2),
            Record("t1", at, "MessageSent", "MicrosoftTeams", "ann-oid", "ann@contoso.com") with { TeamName = "Sales", ChannelName = "Planning", MemberAddresses = ["ann@contoso.com", "bob@contoso.com"] },
            Record("t2", at, "MessageSent", "MicrosoftTeams", "ann-oid", "ann@contoso.com") with { ChatName = "Q3 forecast", MemberAddresses = ["ann@contoso.com", "bob@contoso.com", "alex@fabrikam.com"] },
            Record("t3", at, "MessageSent", "MicrosoftTeams", "ann-oid", "ann@contoso.com"),
            Record("t4", at, "TeamsSessionStarted", "MicrosoftTeams", "ann-oid", "ann@contoso.com"),
            Record("t5", at, "ViewReport", "PowerBI", "ann-oid", "ann@contoso.com"));

        await SyncAsync(tenant, TenantFeed.AuditGeneral);

        var rows = await ActivitiesAsync(tenant.Id);
        Assert.Equal(["t1", "t2", "t3"], rows.Select(r => r.ExternalId));
        Assert.All(rows, r => Assert.Equal((ann.Id, ActivityKind.ChatMessage, ActivitySource.Teams, CreditingRules.ChatMessage), (r.PersonId, r.Kind, r.Source, r.CreditedDuration)));
        Assert.Equal(["Planning", "Q3 forecast", null], rows.Select(r => r.Title));
        Assert.Equal([1, 2, 0], rows.Select(r => r.CounterpartCount));
        Assert.Equal([false, true, false], rows.Select(r => r.IsExternal));
    }

    [Fact]
    public async Task Mailbox_access_is_an_unscored_marker_and_only_successful_logins_are_sign_ins()
    {
        var (tenant, ann, bob) = await WorkspaceAsync();
        var at = Now.AddHours(-3);
        reader.Blob(AuditContentTypes.Exchange, Now.AddHours(-2),
            Record("m1", at, "MailItemsAccessed", "Exchange", "10030000ABCDEF", "ann@contoso.com") with { MailboxOwnerUpn = "ann@contoso.com" },
            Record("m2", at, "MailItemsAccessed", "Exchange", "10030000ABCDEF", "bob@contoso.com") with { MailboxOwnerUpn = "ann@contoso.com" },
            Record("m3", at, "Send", "Exchange", "10030000ABCDEF", "ann@contoso.com"));
        reader.Blob(AuditContentTypes.AzureActiveDirectory, Now.AddHours(-2),
            Record("s1", at, "UserLoggedIn", "AzureActiveDirectory", "ann-oid", "ann@contoso.com") with { ResultStatus = "Success", ClientIp = "198.51.100.4" },
            Record("s2", at, "UserLoginFailed", "AzureActiveDirectory", "ann-oid", "ann@contoso.com") with { ResultStatus = "Failed" },
            Record("s3", at, "UserLoggedIn", "AzureActiveDirectory", "bob-oid", "bob@contoso.com") with { ResultStatus = "Failed" });

        await SyncAsync(tenant, TenantFeed.AuditExchange);
        await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory);

        var rows = await ActivitiesAsync(tenant.Id);
        Assert.Equal(["m1", "m2", "s1"], rows.Select(r => r.ExternalId));
        Assert.Equal((ann.Id, ActivityKind.MailboxAccess, ActivitySource.Exchange, TimeSpan.Zero, false, "Own mailbox"), (rows[0].PersonId, rows[0].Kind, rows[0].Source, rows[0].CreditedDuration, rows[0].IsScored, rows[0].Title));
        Assert.Equal((bob.Id, "Mailbox of ann@contoso.com"), (rows[1].PersonId, rows[1].Title));
        Assert.Equal((ann.Id, ActivityKind.SignIn, ActivitySource.EntraId, CreditingRules.SignIn, "198.51.100.4"), (rows[2].PersonId, rows[2].Kind, rows[2].Source, rows[2].CreditedDuration, rows[2].ClientIp));
    }

    [Fact]
    public async Task Records_of_unknown_and_blocked_people_are_skipped()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        await database.AddPersonAsync(tenant.Id, "cleo-oid", "cleo@contoso.com", ProvisioningState.Blocked);
        var at = Now.AddHours(-3);
        reader.Blob(AuditContentTypes.AzureActiveDirectory, Now.AddHours(-2),
            Record("s1", at, "UserLoggedIn", "AzureActiveDirectory", "cleo-oid", "cleo@contoso.com"),
            Record("s2", at, "UserLoggedIn", "AzureActiveDirectory", "guest-oid", "guest@partner.example"),
            Record("s3", at, "UserLoggedIn", "AzureActiveDirectory", "bob-oid", "someone-else@contoso.com"));

        await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory);

        Assert.Equal(["s3"], (await ActivitiesAsync(tenant.Id)).Select(r => r.ExternalId));
    }

    [Fact]
    public async Task Windows_are_at_most_a_day_within_the_last_seven_days_oldest_first_and_the_next_run_continues_where_it_stopped()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        var firstRun = Now;

        await SyncAsync(tenant, TenantFeed.AuditSharePoint);
        database.Clock.Advance(TimeSpan.FromHours(30));
        await SyncAsync(tenant, TenantFeed.AuditSharePoint);

        var windows = reader.Listings;
        Assert.All(windows, w => Assert.Equal(AuditContentTypes.SharePoint, w.ContentType));
        Assert.All(windows, w => Assert.InRange(w.End - w.Start, TimeSpan.FromTicks(1), TimeSpan.FromHours(24)));
        Assert.True(windows[0].Start > firstRun - TimeSpan.FromDays(7), $"First window starts {windows[0].Start}.");
        Assert.True(windows[0].Start < firstRun - TimeSpan.FromDays(6.5));
        for (var i = 1; i < windows.Count; i++)
        {
            Assert.Equal(windows[i - 1].End, windows[i].Start);
        }

        Assert.Contains(windows, w => w.End == firstRun);
        Assert.Equal(Now, windows[^1].End);
        Assert.Equal(9, windows.Count);
        Assert.Equal(Now, (await CheckpointAsync(tenant.Id, TenantFeed.AuditSharePoint)).ReadUntil);
    }

    [Fact]
    public async Task Windows_span_whole_seconds_and_a_run_within_the_same_second_asks_for_no_window()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        database.Clock.Advance(TimeSpan.FromMilliseconds(400));
        await SyncAsync(tenant, TenantFeed.AuditSharePoint);
        var windows = reader.Listings.Count;
        database.Clock.Advance(TimeSpan.FromMilliseconds(300));

        var result = await SyncAsync(tenant, TenantFeed.AuditSharePoint);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.Equal(windows, reader.Listings.Count);
        Assert.All(reader.Listings, w => Assert.True(w.End.Ticks / TimeSpan.TicksPerSecond > w.Start.Ticks / TimeSpan.TicksPerSecond, $"{w.Start:O} - {w.End:O} is empty in whole seconds."));
        Assert.Equal(0, reader.Listings[^1].End.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(Now.AddMilliseconds(-700), (await CheckpointAsync(tenant.Id, TenantFeed.AuditSharePoint)).ReadUntil);
    }

    [Fact]
    public async Task After_seven_days_off_the_next_run_starts_within_the_seven_days_again()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        await SyncAsync(tenant, TenantFeed.AuditSharePoint);
        database.Clock.Advance(TimeSpan.FromDays(10));
        reader.Listings.Clear();

        await SyncAsync(tenant, TenantFeed.AuditSharePoint);

        Assert.True(reader.Listings[0].Start > Now - TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task The_checkpoint_moves_to_each_window_end_with_its_last_write_so_a_failure_keeps_the_windows_read()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        var start = Now - AuditFeedImport.Retention + AuditFeedImport.RetentionMargin;
        reader.Blob(AuditContentTypes.AzureActiveDirectory, start.AddHours(2), Record("s1", start.AddHours(1), "UserLoggedIn", "AzureActiveDirectory", "ann-oid", "ann@contoso.com"));
        reader.Blob(AuditContentTypes.AzureActiveDirectory, start.AddHours(3), Record("s2", start.AddHours(2), "UserLoggedIn", "AzureActiveDirectory", "ann-oid", "ann@contoso.com"));
        reader.FailListing = (3, new WorkSights.Application.Common.Exceptions.ProviderUnavailableException("Down."));

        var failed = await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory);

        Assert.Equal(SyncOutcome.ProviderUnavailable, failed.Outcome);
        var checkpoint = await CheckpointAsync(tenant.Id, TenantFeed.AuditAzureActiveDirectory);
        Assert.Equal(reader.Listings[1].End, checkpoint.ReadUntil);
        Assert.Equal(2, checkpoint.ItemsImported);
        Assert.True(checkpoint.IsSubscribed);

        reader.FailListing = null;
        reader.Listings.Clear();
        Assert.Equal(SyncOutcome.Completed, (await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory)).Outcome);
        Assert.Equal(checkpoint.ReadUntil, reader.Listings[0].Start);
        Assert.Equal(2, (await ActivitiesAsync(tenant.Id)).Count);
    }

    [Fact]
    public async Task Inside_a_window_the_checkpoint_stops_at_the_earliest_blob_still_unread_whatever_the_listing_order()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        var start = Now - AuditFeedImport.Retention + AuditFeedImport.RetentionMargin;
        var login = Record("s1", start.AddHours(1), "UserLoggedIn", "AzureActiveDirectory", "ann-oid", "ann@contoso.com");
        reader.ListInOrderAdded = true;
        reader.Blob(AuditContentTypes.AzureActiveDirectory, start.AddHours(5), login);
        reader.Blob(AuditContentTypes.AzureActiveDirectory, start.AddHours(3), login with { Id = "s2" });
        reader.Blob(AuditContentTypes.AzureActiveDirectory, start.AddHours(7), login with { Id = "s3" });
        reader.FailReading = ("blob-2", new WorkSights.Application.Common.Exceptions.ProviderThrottledException(TimeSpan.FromMinutes(10)));

        var throttled = await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory);

        Assert.Equal(SyncOutcome.Parked, throttled.Outcome);
        Assert.Equal(start.AddHours(3), (await CheckpointAsync(tenant.Id, TenantFeed.AuditAzureActiveDirectory)).ReadUntil);
        Assert.Equal(["s1"], (await ActivitiesAsync(tenant.Id)).Select(r => r.ExternalId));

        reader.FailReading = null;
        database.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(SyncOutcome.Completed, (await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory)).Outcome);
        Assert.Equal(["s1", "s2", "s3"], (await ActivitiesAsync(tenant.Id)).Select(r => r.ExternalId));
    }

    [Fact]
    public async Task A_record_delivered_in_two_blobs_and_read_again_is_stored_once()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        var at = Now.AddHours(-6);
        var record = Record("dup", at, "UserLoggedIn", "AzureActiveDirectory", "ann-oid", "ann@contoso.com");
        reader.Blob(AuditContentTypes.AzureActiveDirectory, Now.AddHours(-5), record, Record("other", at, "UserLoggedIn", "AzureActiveDirectory", "bob-oid", "bob@contoso.com"));
        reader.Blob(AuditContentTypes.AzureActiveDirectory, Now.AddHours(-4), record, record);

        var result = await SyncAsync(tenant, TenantFeed.AuditAzureActiveDirectory);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.Equal(["dup", "other"], (await ActivitiesAsync(tenant.Id)).Select(r => r.ExternalId).Order());
    }

    [Fact]
    public async Task Audit_log_off_shows_on_the_service_and_unsubscribes_while_mail_keeps_syncing_and_turning_it_on_recovers()
    {
        var (tenant, ann, _) = await WorkspaceAsync();
        reader.AuditLogOff = true;

        var off = await SyncAsync(tenant, TenantFeed.AuditSharePoint);
        var mail = await SyncMailAsync(tenant, ann);

        Assert.Equal(SyncOutcome.AuditLogNotEnabled, off.Outcome);
        Assert.Equal(SyncOutcome.Completed, mail.Outcome);
        var service = await ServiceAsync(tenant.Id);
        Assert.Equal(ConnectionStatus.AuditLogNotEnabled, service.StatusAt(TenantStatus.Active, Now));
        Assert.False((await CheckpointAsync(tenant.Id, TenantFeed.AuditSharePoint)).IsSubscribed);
        Assert.Empty(reader.Subscriptions);

        reader.AuditLogOff = false;
        database.Clock.Advance(TimeSpan.FromHours(1));
        var on = await SyncAsync(tenant, TenantFeed.AuditSharePoint);

        Assert.Equal(SyncOutcome.Completed, on.Outcome);
        Assert.Equal(ConnectionStatus.Connected, (await ServiceAsync(tenant.Id)).StatusAt(TenantStatus.Active, Now));
        Assert.Equal([AuditContentTypes.SharePoint], reader.Subscriptions);
    }

    [Fact]
    public async Task Each_content_type_is_subscribed_once()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        foreach (var feed in new[] { TenantFeed.AuditSharePoint, TenantFeed.AuditGeneral, TenantFeed.AuditExchange, TenantFeed.AuditAzureActiveDirectory })
        {
            await SyncAsync(tenant, feed);
            database.Clock.Advance(TimeSpan.FromHours(2));
            await SyncAsync(tenant, feed);
        }

        Assert.Equal([AuditContentTypes.SharePoint, AuditContentTypes.General, AuditContentTypes.Exchange, AuditContentTypes.AzureActiveDirectory], reader.Subscriptions);
    }

    [Fact]
    public async Task A_feature_turned_off_lists_nothing_of_its_content_type()
    {
        var (tenant, _, _) = await WorkspaceAsync(service => service.SetFeature(ServiceFeature.Files, false));

        var files = await SyncAsync(tenant, TenantFeed.AuditSharePoint);
        await SyncAsync(tenant, TenantFeed.AuditGeneral);

        Assert.Equal(SyncOutcome.Skipped, files.Outcome);
        Assert.DoesNotContain(reader.Listings, l => l.ContentType == AuditContentTypes.SharePoint);
        Assert.Contains(reader.Listings, l => l.ContentType == AuditContentTypes.General);
    }

    private static AuditRecord Record(string id, DateTimeOffset at, string operation, string workload, string? userKey, string userId) => new()
    {
        Id = id,
        CreationTime = at,
        Operation = operation,
        Workload = workload,
        UserKey = userKey,
        UserId = userId,
    };

    private async Task<(Tenant Tenant, Person Ann, Person Bob)> WorkspaceAsync(Action<ConnectedService>? change = null)
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        var ann = await database.AddPersonAsync(tenant.Id, "ann-oid", "ann@contoso.com");
        var bob = await database.AddPersonAsync(tenant.Id, "bob-oid", "bob@contoso.com");
        var service = ConnectedService.For(tenant.Id, tenant.Provider);
        change?.Invoke(service);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        db.ConnectedServices.Add(service);
        await db.SaveChangesAsync();
        return (tenant, ann, bob);
    }

    private async Task<SyncResult> SyncAsync(Tenant tenant, TenantFeed feed)
    {
        await using var db = database.CreateContext();
        return await new SyncFeedCommandHandler(db, database.TenantContext, [new AuditFeedImport(reader)], database.Clock)
            .Handle(new SyncFeedCommand(tenant.Id, feed), CancellationToken.None);
    }

    private async Task<SyncResult> SyncMailAsync(Tenant tenant, Person person)
    {
        await using var db = database.CreateContext();
        var mailbox = new FakeMailboxReader().SentMail(FakeMailboxReader.Page<SentMail>(null, "delta-1"));
        return await new SyncMailboxCommandHandler(db, database.TenantContext, mailbox, database.Clock)
            .Handle(new SyncMailboxCommand(tenant.Id, person.Id, ServiceFeature.Email), CancellationToken.None);
    }

    private async Task<List<Activity>> ActivitiesAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        var rows = await db.Activities.AsNoTracking().ToListAsync();
        return [.. rows.OrderBy(r => r.ExternalId, StringComparer.Ordinal)];
    }

    private async Task<FeedCheckpoint> CheckpointAsync(Guid tenantId, TenantFeed feed)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await db.FeedCheckpoints.AsNoTracking().SingleAsync(c => c.Feed == feed);
    }

    private async Task<ConnectedService> ServiceAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await db.ConnectedServices.AsNoTracking().SingleAsync();
    }
}
