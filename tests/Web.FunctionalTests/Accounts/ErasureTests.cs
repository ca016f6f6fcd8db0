using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using static WorkSights.Web.FunctionalTests.Accounts.WorkspaceDataTests;

namespace WorkSights.Web.FunctionalTests.Accounts;

/// <summary>User View and SECURITY.md P6: a person downloads their data or asks to be erased; an Owner erases them for good.</summary>
public sealed class ErasureTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task AnErasedPersonLosesEveryRowAndSessionKeepsOnlyATombstoneAndIsNotImportedAgainByTheNextSync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.AdminEmail, ReportingSeed.LastWorkDay());
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);
        var person = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.MemberEmail));
        Assert.Equal(2, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.GroupDays.Where(g => g.Team == Domain.Scores.GroupDay.Workspace).Select(g => g.People).SingleAsync()));

        var (asked, _) = await member.Browser.SubmitFormAsync(await ReadAsync(member, "/Settings/Personal"), member.At("/Settings/Personal"), "request-erasure-form");
        Assert.Contains("You asked to be erased on", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var account = WebUtility.HtmlDecode(await ReadAsync(owner, "/Settings/Account"));
        Assert.Contains($"<a href=\"/Settings/Users/{person.Id}#erase\">{person.DisplayName}</a>", account, StringComparison.Ordinal);

        var confirm = await ReadAsync(owner, $"/Settings/Users/{person.Id}?confirm=erase");
        var (erased, url) = await owner.Browser.SubmitFormAsync(confirm, owner.At($"/Settings/Users/{person.Id}"), "erase-form");

        Assert.Equal("/Settings/Users", url.AbsolutePath);
        Assert.Contains("The person was erased", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var left = await App.InWorkspaceAsync(Fabrikam.TenantId, async db => new
        {
            People = await db.People.CountAsync(p => p.Id == person.Id || p.Email == person.Email),
            Activities = await db.Activities.CountAsync(a => a.PersonId == person.Id),
            Days = await db.PersonDays.CountAsync(d => d.PersonId == person.Id),
            Places = await db.PersonDayLocations.CountAsync(l => l.PersonId == person.Id),
            Requests = await db.ErasureRequests.CountAsync(),
            Tombstone = await db.ErasedIdentities.SingleAsync(),
            Audit = await db.AuditEntries.AsNoTracking().ToListAsync(),
            OthersActivities = await db.Activities.CountAsync(),
            WorkspaceDay = await db.GroupDays.SingleAsync(g => g.Team == Domain.Scores.GroupDay.Workspace),
        });
        Assert.Equal((0, 0, 0, 0, 0), (left.People, left.Activities, left.Days, left.Places, left.Requests));
        Assert.Equal(3, left.OthersActivities);
        Assert.Equal(1, left.WorkspaceDay.People);
        Assert.Equal(person.ExternalId, left.Tombstone.ExternalId);
        Assert.Contains(left.Audit, e => e.Action == "person.erased" && e.Subject == "an erased person");
        Assert.Contains(left.Audit, e => e.Action == "person.erasure.requested" && e.Subject == "an erased person");
        Assert.DoesNotContain(left.Audit, e => $"{e.Subject}|{e.Before}|{e.After}".Contains(person.DisplayName, StringComparison.Ordinal));
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
            await db.Set<Domain.Sessions.UserSession>().CountAsync(s => s.PersonId == person.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await member.Browser.GetAsync(member.At("/Settings/Personal"))).StatusCode);

        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            (await db.DirectorySyncStates.SingleAsync()).ForgetDeltaLink();
            return true;
        });
        var sync = await SendCommandAsync(new ImportDirectoryCommand(workspace.Id));

        Assert.Equal((DirectoryImportOutcome.Completed, true), (sync.Outcome, sync.WasFullImport));
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.ExternalId == person.ExternalId)));
        Assert.Contains(App.Sandbox.Directory.GetUsers(Fabrikam.TenantId), u => string.Equals(u.Id, person.ExternalId, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task APersonWithdrawsTheirErasureRequestAndTheWithdrawalIsAudited()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);
        await member.Browser.SubmitFormAsync(await ReadAsync(member, "/Settings/Personal"), member.At("/Settings/Personal"), "request-erasure-form");

        var (withdrawn, _) = await member.Browser.SubmitFormAsync(await ReadAsync(member, "/Settings/Personal"), member.At("/Settings/Personal"), "withdraw-erasure-form");

        var html = await withdrawn.Content.ReadAsStringAsync();
        Assert.Contains("id=\"request-erasure-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("You asked to be erased on", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ErasureRequests.CountAsync()));
        var audit = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action.StartsWith("person.erasure.")).OrderBy(e => e.At).Select(e => e.Action).ToListAsync());
        Assert.Equal(["person.erasure.requested", "person.erasure.withdrawn"], audit);
    }

    [Fact]
    public async Task ErasingAPersonErasesTheIdentitiesLinkedIntoThemToo()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var (person, second) = await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            var target = await db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail);
            var other = await db.People.FirstAsync(p => p.Email != Fabrikam.MemberEmail && p.Email != Fabrikam.AdminEmail);
            other.Review(ProvisioningState.Link, target, DateTimeOffset.UtcNow);
            return (target, other);
        });

        var confirm = await ReadAsync(owner, $"/Settings/Users/{person.Id}?confirm=erase");
        await owner.Browser.SubmitFormAsync(confirm, owner.At($"/Settings/Users/{person.Id}"), "erase-form");

        var left = await App.InWorkspaceAsync(Fabrikam.TenantId, async db => new
        {
            People = await db.People.CountAsync(p => p.Id == person.Id || p.Id == second.Id || p.LinkedPersonId == person.Id),
            Tombstones = await db.ErasedIdentities.Select(e => e.ExternalId).OrderBy(e => e).ToListAsync(),
        });
        Assert.Equal(0, left.People);
        Assert.Equal(new[] { person.ExternalId, second.ExternalId }.Order(), left.Tombstones);
    }

    [Fact]
    public async Task TheLastOwnerCannotBeErased()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var self = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.AdminEmail));

        var (refused, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, $"/Settings/Users/{self.Id}?confirm=erase"), owner.At($"/Settings/Users/{self.Id}"), "erase-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least one active Owner", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AnyAsync(p => p.Id == self.Id)));
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ErasedIdentities.AnyAsync()));
    }

    [Fact]
    public async Task APersonDownloadsEverythingAboutThemAsJsonAndNothingAboutAnyoneElse()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.AdminEmail, ReportingSeed.LastWorkDay());
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);
        var person = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.MemberEmail));

        var (response, _) = await member.Browser.SubmitFormAsync(await ReadAsync(member, "/Settings/Personal"), member.At("/Settings/Personal"), "download-my-data-form");

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd());
        Assert.Equal(new[] { "profile.json", "activities.json", "day-results.json", "day-locations.json", "corrections.json", "notification-preferences.json", "audit-entries.json" }, files.Keys.ToArray());
        using var profile = JsonDocument.Parse(files["profile.json"]);
        Assert.Equal(Fabrikam.MemberEmail, profile.RootElement.EnumerateArray().Single().GetProperty("email").GetString());
        using var activities = JsonDocument.Parse(files["activities.json"]);
        Assert.Equal(3, activities.RootElement.GetArrayLength());
        Assert.All(activities.RootElement.EnumerateArray(), a => Assert.Equal(person.Id, a.GetProperty("person_id").GetGuid()));
        using var days = JsonDocument.Parse(files["day-results.json"]);
        Assert.Equal(1, days.RootElement.GetArrayLength());
        Assert.Contains("person.data.downloaded", files["audit-entries.json"], StringComparison.Ordinal);
        Assert.DoesNotContain(Fabrikam.AdminEmail, string.Concat(files.Values), StringComparison.OrdinalIgnoreCase);
    }
}
