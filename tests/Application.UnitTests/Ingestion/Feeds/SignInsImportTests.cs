using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.SignIns;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Ingestion.Feeds;

public sealed class SignInsImportTests : FeedImportTestBase
{
    private static readonly SignInPlace Seattle = new("Seattle", "Washington", "US", 47.6062, -122.3321);

    private static SignInEvent SignIn(string id, DateTimeOffset at, string? userId, string? upn = null, int errorCode = 0, SignInPlace? place = null, string ip = "203.0.113.7") =>
        new(id, at, userId, upn, "Microsoft Teams", ip, errorCode, place ?? Seattle);

    [Fact]
    public async Task Successful_sign_ins_of_workspace_people_are_stored_with_their_place_and_address_and_the_rest_skipped()
    {
        await WorkspaceAsync();
        var at = Now.AddHours(-4);
        Reader.SignIns.AddRange(
        [
            SignIn("ok", at, "oid-ann"),
            SignIn("by-upn", at.AddMinutes(1), null, "bob@contoso.com", place: new SignInPlace("Bellevue", "Washington", "US", null, null), ip: "2001:db8::7"),
            SignIn("wrong-password", at.AddMinutes(2), "oid-ann", errorCode: 50126),
            SignIn("mfa-required", at.AddMinutes(3), "oid-bob", errorCode: 50074),
            SignIn("blocked", at.AddMinutes(4), "oid-carl"),
            SignIn("stranger", at.AddMinutes(5), "oid-stranger", "stranger@fabrikam.com"),
        ]);

        await SyncCompletedAsync(TenantFeed.SignIns);

        var activities = (await ActivitiesAsync()).ToDictionary(a => a.ExternalId);
        Assert.Equal(["by-upn", "ok"], activities.Keys.Order());
        var ok = activities["ok"];
        Assert.Equal(
            (Ann.Id, ActivityKind.SignIn, ActivitySource.EntraId, at, CreditingRules.SignIn, "Microsoft Teams", "203.0.113.7"),
            (ok.PersonId, ok.Kind, ok.Source, ok.OccurredAt, ok.CreditedDuration, ok.Title, ok.ClientIp));
        Assert.Equal(new Domain.Activities.ActivityLocation("Seattle", "Washington", "US", 47.6062, -122.3321), ok.Location);
        Assert.Equal((Bob.Id, "Bellevue", false, "2001:db8::7"), (activities["by-upn"].PersonId, activities["by-upn"].Location!.City, activities["by-upn"].Location!.HasCoordinates, activities["by-upn"].ClientIp));
    }

    [Fact]
    public async Task SignInOfALinkedIdentityIsTheTargetsAndNamesTheIdentityItCameFrom()
    {
        await WorkspaceAsync();
        var annOld = await LinkedIdentityAsync("oid-ann-old", "ann@ann-old.example", Ann);
        var at = Now.AddHours(-3);
        Reader.SignIns.AddRange(
        [
            SignIn("old-by-id", at, "oid-ann-old"),
            SignIn("old-by-upn", at.AddMinutes(1), null, "ann@ann-old.example"),
            SignIn("own", at.AddMinutes(2), "oid-ann"),
        ]);

        await SyncCompletedAsync(TenantFeed.SignIns);

        var activities = (await ActivitiesAsync()).ToDictionary(a => a.ExternalId);
        Assert.Equal((Ann.Id, (Guid?)annOld.Id), (activities["old-by-id"].PersonId, activities["old-by-id"].SourcePersonId));
        Assert.Equal((Ann.Id, (Guid?)annOld.Id), (activities["old-by-upn"].PersonId, activities["old-by-upn"].SourcePersonId));
        Assert.Equal((Ann.Id, (Guid?)null), (activities["own"].PersonId, activities["own"].SourcePersonId));
    }

    [Fact]
    public async Task SignInIsKeptWithItsPlaceAndMarkedWithTheProviderGivenACloudAddress()
    {
        await WorkspaceAsync();
        var at = Now.AddHours(-2);
        var amsterdam = new SignInPlace("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041);
        CloudNetworks.Providers[System.Net.IPAddress.Parse("13.81.0.10")] = "Microsoft Azure";
        CloudNetworks.Providers[System.Net.IPAddress.Parse("2603:1000::10")] = "Microsoft Azure";
        Reader.SignIns.AddRange(
        [
            SignIn("vm", at, "oid-ann", place: amsterdam, ip: "13.81.0.10"),
            SignIn("vm-v6", at.AddMinutes(1), "oid-ann", place: amsterdam, ip: "2603:1000::10"),
            SignIn("office", at.AddMinutes(2), "oid-ann"),
            SignIn("no-address", at.AddMinutes(3), "oid-bob", ip: ""),
        ]);

        await SyncCompletedAsync(TenantFeed.SignIns);

        var activities = (await ActivitiesAsync()).ToDictionary(a => a.ExternalId);
        Assert.Equal(("Microsoft Azure", "Amsterdam", ActivityKind.SignIn), (activities["vm"].CloudProvider, activities["vm"].Location!.City, activities["vm"].Kind));
        Assert.Equal("Microsoft Azure", activities["vm-v6"].CloudProvider);
        Assert.Null(activities["office"].CloudProvider);
        Assert.Null(activities["no-address"].CloudProvider);
    }

    [Fact]
    public async Task Weeks_are_read_oldest_first_and_the_checkpoint_moves_with_each_completed_week()
    {
        await WorkspaceAsync();
        var start = Now - SignInsImport.Backfill;
        for (var day = 0; day < 29; day++)
        {
            Reader.SignIns.Add(SignIn($"a{day:00}", start.AddDays(day).AddHours(2), "oid-ann"));
            Reader.SignIns.Add(SignIn($"b{day:00}", start.AddDays(day).AddHours(3), "oid-bob"));
        }

        Reader.PageSize = 1;
        var week = SignInsImport.ChunkLength;
        Reader.FailAfter((2 * 7 * 2) + 1, new ProviderUnavailableException("Graph is down."));

        Assert.Equal(SyncOutcome.ProviderUnavailable, (await SyncAsync(TenantFeed.SignIns)).Outcome);

        Assert.Equal(Enumerable.Range(0, 3).Select(w => (start + (w * week), start + ((w + 1) * week))), Reader.Ranges);
        var checkpoint = await CheckpointAsync(TenantFeed.SignIns);
        Assert.Equal(start + (2 * week), checkpoint.ReadUntil);
        Assert.Equal(28, (await ActivitiesAsync()).Count);

        Reader.Ranges.Clear();
        await SyncCompletedAsync(TenantFeed.SignIns);

        Assert.Equal(start + (2 * week) - SignInsImport.Lookback, Reader.Ranges[0].From);
        Assert.Equal(Now, Reader.Ranges[^1].To);
        Assert.Equal(58, (await ActivitiesAsync()).Count);
        Assert.Equal(Now, (await CheckpointAsync(TenantFeed.SignIns)).ReadUntil);
    }

    [Fact]
    public async Task A_sign_in_logged_late_is_found_by_the_lookback_and_re_reading_stores_no_duplicates()
    {
        await WorkspaceAsync();
        Reader.SignIns.Add(SignIn("first", Now.AddMinutes(-30), "oid-ann"));
        await SyncCompletedAsync(TenantFeed.SignIns);

        Reader.SignIns.Add(SignIn("late", Now.AddMinutes(-5), "oid-bob"));
        Advance(TimeSpan.FromMinutes(20));
        Reader.SignIns.Add(SignIn("second", Now.AddMinutes(-1), "oid-ann"));
        await SyncCompletedAsync(TenantFeed.SignIns);
        await SyncCompletedAsync(TenantFeed.SignIns);

        Assert.Equal(["first", "late", "second"], (await ActivitiesAsync()).Select(a => a.ExternalId).Order());
    }

    [Fact]
    public async Task A_tenant_without_entra_premium_gets_a_problem_for_this_feed_while_consent_stands()
    {
        await WorkspaceAsync();
        Reader.FailAfter(0, new EntraPremiumRequiredException());

        var result = await SyncAsync(TenantFeed.SignIns);

        Assert.Equal((SyncOutcome.ProviderUnavailable, "Sign-ins need Microsoft Entra ID P1 or P2."), (result.Outcome, result.Problem));
        Assert.Equal(TenantStatus.Active, (await StoredTenantAsync()).Status);
        Assert.Equal(SyncOutcome.Completed, (await SyncAsync(TenantFeed.CallRecords)).Outcome);
    }
}
