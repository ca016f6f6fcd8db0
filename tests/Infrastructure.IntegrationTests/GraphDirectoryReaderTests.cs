using WorkSights.Application.Directory;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The Graph adapter on its own: MSAL client credentials + Graph SDK against the sandbox.</summary>
public sealed class GraphDirectoryReaderTests : IAsyncLifetime
{
    /// <summary>Directory metadata the reader may ask for; nothing content-like (body, preview, subject…).</summary>
    private static readonly string[] AllowedUserFields =
        ["id", "displayName", "mail", "userPrincipalName", "department", "jobTitle", "userType", "accountEnabled", "assignedLicenses", "manager"];

    private static readonly string[] ContentLikeFields = ["body", "bodyPreview", "uniqueBody", "subject", "attachments", "extensions"];

    private SandboxGraph sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SandboxGraph.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Full_read_returns_every_current_Contoso_user_across_pages_and_ends_with_a_delta_link_selecting_only_directory_fields_with_a_token_on_every_Graph_request()
    {
        var contoso = SandboxTenants.Contoso.TenantId;

        // The reader asks for 999 users a page; grow Contoso past that so the listing really spans pages.
        for (var i = 0; i < 800; i++)
        {
            sandbox.Directory.AddUser(contoso, $"Joiner Number{i}", "Engineering", "Engineer");
        }

        var seeded = sandbox.Directory.GetUsers(contoso);
        var hardDeleted = seeded.First(u => u.UserType == "Member" && u.DisplayName.StartsWith("Joiner", StringComparison.Ordinal));
        var softDeleted = seeded.Last(u => u.UserType == "Member" && u.DisplayName.StartsWith("Joiner", StringComparison.Ordinal));
        sandbox.Directory.RemoveUser(contoso, hardDeleted.Id);
        sandbox.Directory.RemoveUser(contoso, softDeleted.Id, softDelete: true);
        var expected = sandbox.Directory.GetUsers(contoso);
        Assert.True(expected.Count > 999, $"Only {expected.Count} users: the listing would fit one page.");
        sandbox.Server.RequestLog.Clear();

        var pages = new List<DirectoryPage>();
        await foreach (var page in sandbox.Reader.ReadAsync(contoso, deltaLink: null, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.True(pages.Count >= 2, $"Expected several pages, got {pages.Count}.");
        Assert.All(pages, p => Assert.Empty(p.RemovedIds));
        Assert.All(pages[..^1], p => Assert.Null(p.DeltaLink));
        var deltaLink = pages[^1].DeltaLink;
        Assert.NotNull(deltaLink);
        Assert.StartsWith(new Uri(sandbox.Server.HttpBaseAddress, "v1.0/users/delta?$deltatoken=").ToString(), deltaLink, StringComparison.Ordinal);

        var identities = pages.SelectMany(p => p.Identities).ToList();
        Assert.Equal(identities.Count, identities.Select(i => i.ExternalId).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(expected.Select(u => u.Id).Order(StringComparer.Ordinal), identities.Select(i => i.ExternalId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(identities, i => i.ExternalId == hardDeleted.Id || i.ExternalId == softDeleted.Id);

        var byId = identities.ToDictionary(i => i.ExternalId, StringComparer.OrdinalIgnoreCase);
        foreach (var user in expected)
        {
            var identity = byId[user.Id];
            Assert.Equal(user.Mail, identity.Mail);
            Assert.Equal(user.UserPrincipalName, identity.UserPrincipalName);
            Assert.Equal(user.DisplayName, identity.DisplayName);
            Assert.Equal(user.Department, identity.Department);
            Assert.Equal(user.JobTitle, identity.JobTitle);
            Assert.Equal(user.ManagerId, identity.ManagerExternalId);
            Assert.True(identity.ManagerIncluded);
            Assert.Equal(user.UserType == "Guest", identity.IsGuest);
            Assert.Equal(user.AccountEnabled, identity.AccountEnabled);
            Assert.Equal(user.AssignedLicenseSkuIds.Count > 0, identity.HasLicense);
        }

        Assert.Equal(6, identities.Count(i => i.IsGuest));
        Assert.False(byId[expected.Single(u => u.Mail == "info@contoso.com").Id].AccountEnabled);
        Assert.False(byId[expected.Single(u => u.Mail == "svc-backup@contoso.com").Id].HasLicense);

        var graph = sandbox.GraphRequests;
        Assert.NotEmpty(graph);
        Assert.All(graph, r => Assert.True(r.HadAuthorizationHeader, $"No Authorization header on {r.Method} {r.PathAndQuery}"));
        Assert.All(graph, r => Assert.Equal(200, r.StatusCode));
        Assert.All(graph, r => Assert.Equal("GET", r.Method));

        var listings = graph.Where(r => SandboxGraph.PathOf(r) == "/v1.0/users").ToList();
        Assert.Equal(pages.Count, listings.Count);
        foreach (var listing in listings)
        {
            var query = SandboxGraph.QueryOf(listing);
            Assert.True(query.TryGetValue("$select", out var select), $"No $select on {listing.PathAndQuery}");
            AssertDirectoryFieldsOnly(select);
            Assert.True(query.TryGetValue("$expand", out var expand));
            Assert.Equal("manager($select=id)", expand);
        }

        // The delta link for "now" is taken first, with the same narrow selection.
        var start = Assert.Single(graph, r => SandboxGraph.PathOf(r) == "/v1.0/users/delta");
        Assert.Same(start, graph[0]);
        var startQuery = SandboxGraph.QueryOf(start);
        Assert.Equal("latest", startQuery["$deltatoken"]);
        AssertDirectoryFieldsOnly(startQuery["$select"]);
        Assert.Equal(listings.Count + 1, graph.Count);

        // App-only tokens come from the identity platform over TLS, for the organisation's own tenant id.
        var tokenRequests = sandbox.Requests.Where(r => !SandboxGraph.IsGraph(r)).ToList();
        Assert.NotEmpty(tokenRequests);
        Assert.All(tokenRequests, r =>
        {
            Assert.Equal("https", r.Scheme);
            Assert.Equal("POST", r.Method);
            Assert.Equal($"/{contoso}/oauth2/v2.0/token", SandboxGraph.PathOf(r));
            Assert.Equal(200, r.StatusCode);
        });
    }

    [Fact]
    public async Task Delta_read_through_the_stored_link_returns_joiner_change_and_leaver_only()
    {
        var contoso = SandboxTenants.Contoso.TenantId;
        string? deltaLink = null;
        await foreach (var page in sandbox.Reader.ReadAsync(contoso, null, CancellationToken.None))
        {
            deltaLink = page.DeltaLink ?? deltaLink;
        }

        Assert.NotNull(deltaLink);
        var members = sandbox.Directory.GetUsers(contoso).Where(u => u.UserType == "Member" && u.ManagerId is not null).ToList();
        var changed = members[10];
        var leaver = members[20];
        var joiner = sandbox.Directory.AddUser(contoso, "Ada Newcomer", "Product", "Product Manager", changed.ManagerId);
        sandbox.Directory.UpdateUser(contoso, changed.Id, department: "Legal");
        sandbox.Directory.RemoveUser(contoso, leaver.Id);
        sandbox.Server.RequestLog.Clear();

        var pages = new List<DirectoryPage>();
        await foreach (var page in sandbox.Reader.ReadAsync(contoso, deltaLink, CancellationToken.None))
        {
            pages.Add(page);
        }

        var identities = pages.SelectMany(p => p.Identities).ToDictionary(i => i.ExternalId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal([changed.Id, joiner.Id], identities.Keys.Order(StringComparer.Ordinal).ToArray(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Legal", identities[changed.Id].Department);
        Assert.Equal(changed.ManagerId, identities[changed.Id].ManagerExternalId);
        Assert.True(identities[changed.Id].ManagerIncluded);
        Assert.Equal("Ada Newcomer", identities[joiner.Id].DisplayName);
        Assert.True(identities[joiner.Id].HasLicense);
        Assert.Equal([leaver.Id], pages.SelectMany(p => p.RemovedIds));
        Assert.NotNull(pages[^1].DeltaLink);
        Assert.NotEqual(deltaLink, pages[^1].DeltaLink);

        var graph = sandbox.GraphRequests;
        var request = Assert.Single(graph);
        Assert.Equal("/v1.0/users/delta", SandboxGraph.PathOf(request));
        Assert.NotEqual("latest", SandboxGraph.QueryOf(request)["$deltatoken"]);
        Assert.True(request.HadAuthorizationHeader);
    }

    private static void AssertDirectoryFieldsOnly(string select)
    {
        var fields = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.Contains(f, AllowedUserFields, StringComparer.OrdinalIgnoreCase));
        Assert.All(ContentLikeFields, f => Assert.DoesNotContain(f, fields, StringComparer.OrdinalIgnoreCase));
    }
}
