using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Scores;

/// <summary>Issue 11, item 2: an Owner tunes the crediting table on Account View; every day is recomputed under the new model version.</summary>
public sealed class CreditingTableTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task OwnersChangeRecomputesDaysWithTheNewModelVersionAndCredit()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var date = ReportingSeed.LastWorkDay();
        var personId = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, date);
        await DrainMarksAsync();
        var before = await StoredDayAsync(personId, date);
        var account = owner.At("/Settings/Account");
        var html = await (await owner.Browser.GetAsync(account)).Content.ReadAsStringAsync();
        Assert.Contains(CreditingTable.Default.ModelVersion, html, StringComparison.Ordinal);

        var (refused, _) = await owner.Browser.SubmitFormAsync(html, account, "crediting-form", Crediting(("SentEmailMinutes", "61")));
        Assert.Contains("A sent email must be credited between 0 and 60 minutes.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.DirtyPersonDays.CountAsync()));

        var (saved, _) = await owner.Browser.SubmitFormAsync(html, account, "crediting-form", Crediting(("SentEmailMinutes", "10")));
        var savedHtml = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Saved. Every day of everyone is being recomputed under model version 1:600,60,120,180,60,36000", savedHtml, StringComparison.Ordinal);
        var drained = await DrainMarksAsync();
        var after = await StoredDayAsync(personId, date);

        Assert.Equal((CreditingTable.Default.ModelVersion, TimeSpan.FromMinutes(245)), (before.ModelVersion, before.Credited));
        Assert.Equal(("1:600,60,120,180,60,36000", TimeSpan.FromMinutes(250)), (after.ModelVersion, after.Credited));
        Assert.True(drained > ScoredDays.HistoryDays, $"{drained} days recomputed");
        Assert.Empty(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.PersonDays.Where(d => d.ModelVersion != "1:600,60,120,180,60,36000").Select(d => d.Date).ToListAsync()));
        var entry = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.SingleAsync(e => e.Action == WorkspaceCreditingTable.ChangedAction));
        Assert.Contains("sent email 10 min", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetToDefaultsRecomputesUnderTheDefaultModelVersion()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var date = ReportingSeed.LastWorkDay();
        var personId = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, date);
        var account = owner.At("/Settings/Account");
        var html = await (await owner.Browser.GetAsync(account)).Content.ReadAsStringAsync();
        var (unchanged, _) = await owner.Browser.SubmitFormAsync(html, account, "crediting-reset-form");
        Assert.Contains("Nothing changed", await unchanged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await owner.Browser.SubmitFormAsync(html, account, "crediting-form", Crediting(("MaximumScoredHours", "2")));
        await DrainMarksAsync();
        Assert.Equal(TimeSpan.FromMinutes(5), (await StoredDayAsync(personId, date)).Credited); // the 4-hour meeting is over the maximum

        var (reset, _) = await owner.Browser.SubmitFormAsync(html, account, "crediting-reset-form");
        await DrainMarksAsync();

        Assert.Contains("Back to the defaults.", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var day = await StoredDayAsync(personId, date);
        Assert.Equal((CreditingTable.Default.ModelVersion, TimeSpan.FromMinutes(245)), (day.ModelVersion, day.Credited));
    }

    [Fact]
    public async Task ChangeIsForbiddenGivenSomeoneOtherThanAnOwner()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var executive = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Executive);

        foreach (var handler in new[] { "Crediting", "ResetCrediting" })
        {
            var response = await executive.Browser.SendAsync(
                HttpMethod.Post, executive.At("/Settings/Account?handler=" + handler), Crediting(("SentEmailMinutes", "30")));

            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Error/403", StringComparison.Ordinal),
                $"{handler} answered {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Equal(HttpStatusCode.Forbidden, (await executive.Browser.GetAsync(new Uri(executive.At("/"), response.Headers.Location))).StatusCode);
        }

        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.WorkspaceCrediting.CountAsync()));
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.DirtyPersonDays.CountAsync()));
    }

    /// <summary>What the recompute job does with a workspace's marks: recomputes the days they name.</summary>
    private async Task<int> DrainMarksAsync()
    {
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        await using var scope = App.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspace.Id);
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var marks = await db.DirtyPersonDays.AsNoTracking().Select(m => new PersonDate(m.PersonId, m.Date)).ToListAsync();
        await scope.ServiceProvider.GetRequiredService<IPersonDayRecomputer>().RecomputeAsync(marks, CancellationToken.None);
        Assert.Equal(0, await db.DirtyPersonDays.CountAsync());
        return marks.Count;
    }

    private Task<PersonDay> StoredDayAsync(Guid personId, DateOnly date) =>
        App.InWorkspaceAsync(Fabrikam.TenantId, db => db.PersonDays.AsNoTracking().SingleAsync(d => d.PersonId == personId && d.Date == date));

    /// <summary>The crediting form's fields as a person fills them: the defaults, with some changed.</summary>
    private static Dictionary<string, string> Crediting(params (string Name, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Crediting.SentEmailMinutes"] = "5",
            ["Crediting.CalendarResponseMinutes"] = "1",
            ["Crediting.ChatMessageMinutes"] = "2",
            ["Crediting.FileActionMinutes"] = "3",
            ["Crediting.SignInMinutes"] = "1",
            ["Crediting.MaximumScoredHours"] = "10",
        };
        foreach (var (name, value) in changes)
        {
            values["Crediting." + name] = value;
        }

        return values;
    }
}
