using System.Net;
using System.Text.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class MailCalendarTests(OutlookFixture fixture) : OutlookTestBase, IClassFixture<OutlookFixture>
{
    private SandboxServer Server => fixture.Server;

    private Task<string> Token() => TokenAsync(Server, fixture.App, Contoso);

    private WorkPerson Busy(Func<WorkPerson, bool>? where = null) =>
        Server.State.Directory.Roster(Contoso).Active.Where(p => p.Reports.Count >= 3 && p.ManagerId is not null).First(where ?? (_ => true));

    [Fact]
    public async Task Sent_items_delta_cycle_then_replay_brings_only_new_and_removed_messages()
    {
        var token = await Token();
        var person = Busy();
        var folder = await OkAsync(Server, $"v1.0/users/{person.User.UserPrincipalName}/mailFolders/SentItems", token);
        Assert.Equal("Sent Items", folder.GetProperty("displayName").GetString());

        var (first, _, _) = await CycleAsync(Server, $"v1.0/users/{person.Id}/mailFolders/sentitems/messages/delta", token, prefer: null);
        var paged = await OkAsync(Server, $"v1.0/users/{person.Id}/mailFolders/sentitems/messages/delta", token);
        Assert.Equal(10, paged.GetProperty("value").GetArrayLength());
        Assert.True(paged.TryGetProperty("@odata.nextLink", out _));

        var select = "subject,from,toRecipients,ccRecipients,bccRecipients,sentDateTime,receivedDateTime,conversationId,internetMessageId,isDraft,parentFolderId";
        var (initial, deltaLink, pages) = await CycleAsync(Server, $"v1.0/users/{person.Id}/mailFolders/{folder.GetProperty("id").GetString()}/messages/delta?$select={select}", token);
        Assert.True(pages > 1);
        Assert.Equal(first.Select(Id), initial.Select(Id));
        Assert.DoesNotContain(initial, Removed);
        Assert.All(initial, m => Assert.False(m.TryGetProperty("body", out _)));
        Assert.All(initial, m => Assert.False(m.TryGetProperty("importance", out _)));
        Assert.Contains(initial, m => m.GetProperty("isDraft").GetBoolean());
        var floor = OutlookFixture.Start.UtcDateTime.Date.AddDays(-60);
        Assert.All(initial, m => Assert.True(m.GetProperty("sentDateTime").GetDateTime().ToUniversalTime() >= floor && m.GetProperty("sentDateTime").GetDateTimeOffset() <= fixture.Clock.GetUtcNow()));
        var known = initial.Select(Id).ToHashSet();

        var before = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        token = await Token();
        var (changes, next, _) = await CycleAsync(Server, deltaLink, token);
        Assert.NotEmpty(changes);
        Assert.All(changes.Where(c => !Removed(c)), c =>
        {
            Assert.DoesNotContain(Id(c), known);
            Assert.True(c.GetProperty("sentDateTime").GetDateTimeOffset() > before);
            Assert.Equal(["@odata.type", "@odata.etag", "id", .. select.Split(',')], c.EnumerateObject().Select(p => p.Name));
        });
        Assert.Contains(changes, Removed);
        Assert.All(changes.Where(Removed), c => Assert.Equal("deleted", c.GetProperty("@removed").GetProperty("reason").GetString()));

        var (none, _, _) = await CycleAsync(Server, next, token);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Select_filter_and_prefer_are_validated()
    {
        var token = await Token();
        var person = Busy();
        var url = $"v1.0/users/{person.Id}/mailFolders/sentitems/messages/delta";
        foreach (var forbidden in new[] { "body", "bodyPreview", "uniqueBody" })
        {
            Assert.Equal("ErrorAccessDenied", await ErrorCodeAsync(Server, $"{url}?$select=subject,{forbidden}", token, HttpStatusCode.Forbidden));
        }

        Assert.Equal("ErrorAccessDenied", await ErrorCodeAsync(Server, $"{url}?$expand=attachments", token, HttpStatusCode.Forbidden));
        await ErrorCodeAsync(Server, $"{url}?$select=subject,nonsense", token, HttpStatusCode.BadRequest);
        await ErrorCodeAsync(Server, $"{url}?$filter=subject eq 'x'", token, HttpStatusCode.BadRequest);
        await ErrorCodeAsync(Server, $"v1.0/users/{Guid.NewGuid()}/mailFolders/sentitems/messages/delta", token, HttpStatusCode.NotFound);
        // A shared mailbox is a mailbox to Exchange: read, it has nothing anyone sent as their own work here.
        Assert.Empty((await OkAsync(Server, "v1.0/users/info@contoso.com/mailFolders/sentitems/messages/delta", token)).GetProperty("value").EnumerateArray());

        var since = fixture.Clock.GetUtcNow().AddDays(-5);
        var (recent, _, _) = await CycleAsync(Server, $"{url}?$select=receivedDateTime&$filter=receivedDateTime ge {Iso(since)}", token);
        Assert.NotEmpty(recent);
        Assert.All(recent, m => Assert.True(m.GetProperty("receivedDateTime").GetDateTimeOffset() >= since));

        var (status, _, response) = await GetAsync(Server, url, token, "odata.maxpagesize=7");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("odata.maxpagesize=7", response.Headers.GetValues("Preference-Applied").Single());
        response.Dispose();
        var log = Server.RequestLog.Entries.Last(e => e.PathAndQuery.Contains("messages/delta", StringComparison.Ordinal) && e.Prefer == "odata.maxpagesize=7");
        Assert.Equal($"/{url}", log.PathAndQuery);
    }

    [Fact]
    public async Task Sdk_style_function_paths_with_parentheses_are_served()
    {
        var token = await Token();
        var person = Busy();
        var now = fixture.Clock.GetUtcNow();
        var mail = await OkAsync(Server, $"v1.0/users/{person.Id}/mailFolders/sentitems/messages/delta()?%24select=subject", token);
        Assert.NotEmpty(mail.GetProperty("value").EnumerateArray());
        var calendar = await OkAsync(Server, $"v1.0/users/{person.Id}/calendarView/delta()?endDateTime={Iso(now)}&startDateTime={Iso(now.AddDays(-7))}", token);
        Assert.True(calendar.TryGetProperty("value", out _));
        var users = await OkAsync(Server, "v1.0/users/delta()?%24select=displayName", token);
        Assert.NotEmpty(users.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task People_without_activity_have_empty_mailboxes()
    {
        var token = await Token();
        var idle = Server.Directory.GetUsers(Contoso).Where(u => Server.Directory.GetWorkProfile(Contoso, u.Id) is { HasActivity: false }).ToList();
        Assert.Equal(3, idle.Count);
        foreach (var user in idle)
        {
            Assert.Empty((await CycleAsync(Server, $"v1.0/users/{user.Id}/mailFolders/sentitems/messages/delta", token)).Items);
            var now = fixture.Clock.GetUtcNow();
            Assert.Empty((await CycleAsync(Server, $"v1.0/users/{user.Id}/calendarView/delta?startDateTime={Iso(now.AddDays(-29))}&endDateTime={Iso(now.AddDays(7))}", token)).Items);
        }
    }

    [Fact]
    public async Task Calendar_view_delta_cycle_with_cancellations_removals_and_shared_ical_uids()
    {
        var token = await Token();
        var now = fixture.Clock.GetUtcNow();
        var manager = Busy();
        var range = $"startDateTime={Iso(now.AddDays(-29))}&endDateTime={Iso(now.AddDays(21))}";
        await ErrorCodeAsync(Server, $"v1.0/users/{manager.Id}/calendarView/delta", token, HttpStatusCode.BadRequest);
        await ErrorCodeAsync(Server, $"v1.0/users/{manager.Id}/calendarView/delta?{range}&$select=subject", token, HttpStatusCode.BadRequest);

        var (events, deltaLink, _) = await CycleAsync(Server, $"v1.0/users/{manager.Id}/calendarView/delta?{range}", token, "odata.maxpagesize=50, outlook.timezone=\"UTC\"");
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.False(e.TryGetProperty("body", out _));
            Assert.False(e.TryGetProperty("bodyPreview", out _));
            Assert.Equal("UTC", e.GetProperty("start").GetProperty("timeZone").GetString());
        });
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "occurrence" && e.GetProperty("seriesMasterId").GetString() is not null);
        Assert.Contains(events, e => e.GetProperty("isOrganizer").GetBoolean() && e.GetProperty("attendees").GetArrayLength() == 0);
        Assert.Contains(events, e => e.GetProperty("attendees").EnumerateArray().Any(a => a.GetProperty("status").GetProperty("response").GetString() == "accepted"));

        var oneOnOne = events.First(e => e.GetProperty("isOrganizer").GetBoolean() && e.GetProperty("subject").GetString()!.EndsWith("1:1", StringComparison.Ordinal));
        var attendee = oneOnOne.GetProperty("attendees")[0].GetProperty("emailAddress").GetProperty("address").GetString()!;
        var (theirs, _, _) = await CycleAsync(Server, $"v1.0/users/{attendee}/calendarView/delta?{range}", token);
        var copy = Assert.Single(theirs, e => e.GetProperty("iCalUId").GetString() == oneOnOne.GetProperty("iCalUId").GetString());
        Assert.NotEqual(Id(oneOnOne), Id(copy));
        Assert.False(copy.GetProperty("isOrganizer").GetBoolean());

        var known = events.ToDictionary(Id);
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        token = await Token();
        var changes = new List<JsonElement>();
        foreach (var person in Server.State.Directory.Roster(Contoso).Active.Where(p => p.Reports.Count >= 2).Take(6))
        {
            var (initial, link, _) = person.Id == manager.Id
                ? (events, deltaLink, 0)
                : await CycleAsync(Server, $"v1.0/users/{person.Id}/calendarView/delta?{range}", token);
            if (person.Id != manager.Id)
            {
                fixture.Clock.Advance(TimeSpan.FromDays(4));
                token = await Token();
            }

            var (delta, _, _) = await CycleAsync(Server, link, token);
            changes.AddRange(delta);
            _ = initial;
        }

        Assert.Contains(changes, e => !Removed(e) && e.GetProperty("isCancelled").GetBoolean() &&
            e.GetProperty("lastModifiedDateTime").GetDateTimeOffset() > e.GetProperty("createdDateTime").GetDateTimeOffset());
        Assert.Contains(changes, Removed);
        Assert.Contains(changes, e => !Removed(e) && !e.GetProperty("isCancelled").GetBoolean());
        _ = known;
    }

    [Fact]
    public async Task Expired_outlook_delta_tokens_answer_410_sync_state_not_found()
    {
        var token = await Token();
        var person = Busy();
        var (_, link, _) = await CycleAsync(Server, $"v1.0/users/{person.Id}/mailFolders/sentitems/messages/delta?$filter=receivedDateTime ge {Iso(fixture.Clock.GetUtcNow().AddDays(-1))}", token);
        var now = fixture.Clock.GetUtcNow();
        var (_, calendarLink, _) = await CycleAsync(Server, $"v1.0/users/{person.Id}/calendarView/delta?startDateTime={Iso(now)}&endDateTime={Iso(now.AddDays(2))}", token);
        Server.Faults.ExpireAllDeltaTokens();
        Assert.Equal("SyncStateNotFound", await ErrorCodeAsync(Server, link, token, HttpStatusCode.Gone));
        var (status, _, response) = await GetAsync(Server, calendarLink, token);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("startDateTime=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        response.Dispose();
    }
}
