using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Later syncs: the stored delta link, and what happens when Graph has forgotten it.</summary>
public sealed class DirectorySyncTests : DirectoryImportTestBase
{
    [Fact]
    public async Task Account_disabled_in_the_directory_is_deactivated_on_the_next_sync_and_returns_when_enabled_again()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        await ImportAsync(contoso);
        var (_, leaver) = PickChangedAndLeaver();
        Sandbox.Directory.UpdateUser(Contoso.TenantId, leaver.Id, accountEnabled: false);
        Clock.Advance(TimeSpan.FromHours(6));

        var disabled = await ImportAsync(contoso);

        Assert.Equal((1, 0), (disabled.Removed, disabled.Added));
        var gone = (await PeopleByIdAsync(contoso))[leaver.Id];
        Assert.Equal((PersonStatus.Removed, false), (gone.Status, gone.HasLoginAccess));

        Sandbox.Directory.UpdateUser(Contoso.TenantId, leaver.Id, accountEnabled: true);
        Clock.Advance(TimeSpan.FromHours(6));
        await ImportAsync(contoso);

        Assert.Equal(PersonStatus.Active, (await PeopleByIdAsync(contoso))[leaver.Id].Status);
    }

    [Fact]
    public async Task Second_sync_through_the_stored_delta_link_adds_the_joiner_marks_the_leaver_removed_and_applies_the_change_without_listing_users_again()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        await ImportAsync(contoso);
        var before = await PeopleByIdAsync(contoso);
        var storedLink = (await SyncStateAsync(contoso))!.DeltaLink;

        var (changed, leaver) = PickChangedAndLeaver();
        var joiner = Sandbox.Directory.AddUser(Contoso.TenantId, "Ada Newcomer", "Product", "Product Manager", changed.ManagerId);
        Sandbox.Directory.RemoveUser(Contoso.TenantId, leaver.Id);
        Sandbox.Directory.UpdateUser(Contoso.TenantId, changed.Id, department: "Legal");
        Sandbox.Server.RequestLog.Clear();
        Clock.Advance(TimeSpan.FromHours(6));

        var result = await ImportAsync(contoso);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 1, 1, 1, WasFullImport: false), result);
        var after = await PeopleByIdAsync(contoso);
        Assert.Equal(before.Count + 1, after.Count);

        var added = after[joiner.Id];
        Assert.Equal("Ada Newcomer", added.DisplayName);
        Assert.Equal(joiner.Mail, added.Email);
        Assert.Equal("Product", added.Department);
        Assert.Equal("Product Manager", added.JobTitle);
        Assert.Equal(changed.ManagerId, added.ManagerExternalId);
        Assert.Equal(ProvisioningState.New, added.ProvisioningState);
        Assert.Equal(PersonStatus.Active, added.Status);
        Assert.Equal(Clock.GetUtcNow(), added.ImportedAt);

        var gone = after[leaver.Id];
        Assert.Equal(PersonStatus.Removed, gone.Status);
        Assert.False(gone.HasLoginAccess);
        Assert.Equal(Clock.GetUtcNow(), gone.UpdatedAt);
        Assert.Equal(before[leaver.Id].Email, gone.Email);

        var updated = after[changed.Id];
        Assert.Equal("Legal", updated.Department);
        Assert.Equal(before[changed.Id].JobTitle, updated.JobTitle);
        Assert.Equal(before[changed.Id].ManagerExternalId, updated.ManagerExternalId);
        Assert.Equal(PersonStatus.Active, updated.Status);
        Assert.Equal(Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(Clock.Start, updated.ImportedAt);

        // Nobody else was touched.
        foreach (var (id, person) in before.Where(p => p.Key != leaver.Id && p.Key != changed.Id))
        {
            Assert.Equivalent(person, after[id], strict: true);
        }

        await AssertMatchesDirectoryAsync(contoso, Contoso);

        // The delta, and the joiner's mailbox purpose (whether it is a person's, shared, a room or equipment) and nothing else of theirs.
        var graph = Sandbox.GraphRequests;
        Assert.NotEmpty(graph);
        Assert.DoesNotContain(graph, r => SandboxGraph.PathOf(r) == "/v1.0/users");
        Assert.Equal([$"/v1.0/users/{joiner.Id}/mailboxSettings/userPurpose"], graph.Select(SandboxGraph.PathOf).Where(p => p != "/v1.0/users/delta"));
        var replay = graph[0];
        Assert.Equal(storedLink, new Uri(Sandbox.Server.HttpBaseAddress, replay.PathAndQuery).ToString());
        var token = SandboxGraph.QueryOf(replay)["$deltatoken"];
        Assert.NotEqual("latest", token);
        Assert.All(graph, r => Assert.True(r.HadAuthorizationHeader));

        var state = await SyncStateAsync(contoso);
        Assert.NotEqual(storedLink, state!.DeltaLink);
        Assert.Equal(CurrentMembers(Contoso).Count, state.ImportedCount);
    }

    [Fact]
    public async Task Expired_delta_token_falls_back_to_a_full_import_that_completes_and_reconciles_a_person_removed_meanwhile()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        await ImportAsync(contoso);
        var before = await PeopleByIdAsync(contoso);

        var (changed, leaver) = PickChangedAndLeaver();
        Sandbox.Directory.RemoveUser(Contoso.TenantId, leaver.Id);
        Sandbox.Directory.UpdateUser(Contoso.TenantId, changed.Id, jobTitle: "Principal Engineer");
        var joiner = Sandbox.Directory.AddUser(Contoso.TenantId, "Grace Latecomer", "Finance");
        Sandbox.Faults.ExpireAllDeltaTokens();
        Sandbox.Server.RequestLog.Clear();
        Clock.Advance(TimeSpan.FromDays(8));

        var result = await ImportAsync(contoso);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 1, 1, 1, WasFullImport: true), result);
        var after = await PeopleByIdAsync(contoso);
        Assert.Equal(PersonStatus.Removed, after[leaver.Id].Status);
        Assert.Equal(Clock.GetUtcNow(), after[leaver.Id].UpdatedAt);
        Assert.Equal("Principal Engineer", after[changed.Id].JobTitle);
        Assert.Equal(ProvisioningState.New, after[joiner.Id].ProvisioningState);
        Assert.Equal(before.Count + 1, after.Count);
        await AssertMatchesDirectoryAsync(contoso, Contoso);

        // The stale link was tried once, refused, then everything was listed again from a fresh "latest" link.
        var graph = Sandbox.GraphRequests;
        Assert.Equal("/v1.0/users/delta", SandboxGraph.PathOf(graph[0]));
        Assert.Equal(400, graph[0].StatusCode);
        Assert.Equal("latest", SandboxGraph.QueryOf(graph[1])["$deltatoken"]);
        Assert.Contains(graph, r => SandboxGraph.PathOf(r) == "/v1.0/users" && r.StatusCode == 200);

        var state = await SyncStateAsync(contoso);
        Assert.NotNull(state!.DeltaLink);
        Assert.Null(state.LastError);
        Assert.Equal(CurrentMembers(Contoso).Count, state.ImportedCount);

        // The new link works: the next sync is a delta again and finds nothing to do.
        var next = await ImportAsync(contoso);
        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 0, 0, 0, WasFullImport: false), next);
    }

    [Fact]
    public async Task A_delta_round_spanning_several_pages_applies_every_change_and_stores_only_the_final_delta_link()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        await ImportAsync(contoso);
        var staff = CurrentMembers(Contoso).Where(u => u.AssignedLicenseSkuIds.Count > 0).Take(230).ToList();
        foreach (var user in staff)
        {
            Sandbox.Directory.UpdateUser(Contoso.TenantId, user.Id, jobTitle: $"{user.JobTitle} (acting)");
        }

        Sandbox.Server.RequestLog.Clear();
        Clock.Advance(TimeSpan.FromHours(1));

        var result = await ImportAsync(contoso);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 0, staff.Count, 0, WasFullImport: false), result);
        await AssertMatchesDirectoryAsync(contoso, Contoso);
        var graph = Sandbox.GraphRequests;
        Assert.Equal(3, graph.Count);
        Assert.All(graph, r => Assert.Equal("/v1.0/users/delta", SandboxGraph.PathOf(r)));
        Assert.True(SandboxGraph.QueryOf(graph[0]).ContainsKey("$deltatoken"));
        Assert.All(graph.Skip(1), r => Assert.True(SandboxGraph.QueryOf(r).ContainsKey("$skiptoken"), r.PathAndQuery));
        var state = await SyncStateAsync(contoso);
        Assert.Contains("$deltatoken=", state!.DeltaLink, StringComparison.Ordinal);
        Assert.DoesNotContain("$skiptoken=", state.DeltaLink, StringComparison.Ordinal);
    }

    /// <summary>Two ordinary licensed members with a manager and nobody reporting to them.</summary>
    private (WorkSights.Sandbox.SandboxUser Changed, WorkSights.Sandbox.SandboxUser Leaver) PickChangedAndLeaver()
    {
        var users = Sandbox.Directory.GetUsers(Contoso.TenantId);
        var managers = users.Select(u => u.ManagerId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var staff = users
            .Where(u => u.UserType == "Member" && u.AccountEnabled && u.AssignedLicenseSkuIds.Count > 0 && u.ManagerId is not null)
            .Where(u => !managers.Contains(u.Id) && u.Mail!.EndsWith("@contoso.com", StringComparison.Ordinal))
            .ToList();
        return (staff[3], staff[^4]);
    }
}
