using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Dashboard, Activity Detail (with a correction) and My Overview at 1280 and 390 px, over days computed by the score engine.</summary>
public sealed class ReportingPagesTests : IAsyncLifetime
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Everyone's last work day, with meetings of different lengths so that the bands differ; the owner's last 28 days.</summary>
    private async Task<(DateOnly Day, Guid Owner)> SeedAsync()
    {
        var day = ReportingSeed.LastWorkDay();
        var emails = await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().OrderBy(p => p.DisplayName).Select(p => p.Email).ToListAsync());
        for (var i = 0; i < emails.Count; i++)
        {
            if (emails[i] == Fabrikam.AdminEmail)
            {
                continue;
            }

            var hours = i % 6 * 1.6;
            await app.SeedDayAsync(Fabrikam.TenantId, emails[i], day, start => Items(start, hours, i));
        }

        Guid owner = default;
        for (var back = 27; back >= 0; back--)
        {
            var date = day.AddDays(-back);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            owner = await app.SeedDayAsync(Fabrikam.TenantId, Fabrikam.AdminEmail, date, start => weekend && back % 7 != 1 ? [] : Items(start, weekend ? 1 : back * 37 % 10 * 0.9, back));
        }

        return (day, owner);
    }

    private static IEnumerable<(ActivityKind, DateTimeOffset, TimeSpan, string?, int)> Items(DateTimeOffset start, double meetingHours, int seed)
    {
        yield return (ActivityKind.SignIn, start.AddHours(8).AddMinutes(40), CreditingRules.SignIn, null, 0);
        if (meetingHours > 0)
        {
            yield return (ActivityKind.Meeting, start.AddHours(9), TimeSpan.FromHours(meetingHours), "Customer review", 2 + seed % 3);
        }

        for (var m = 0; m < 6 + seed % 5; m++)
        {
            yield return (ActivityKind.EmailSent, start.AddHours(11).AddMinutes(m * 23), CreditingRules.SentEmail, $"Re: order {m}", 1);
        }

        yield return (ActivityKind.Call, start.AddHours(15), TimeSpan.FromMinutes(20 + seed % 4 * 10), null, 1);
        yield return (ActivityKind.ChatMessage, start.AddHours(16).AddMinutes(5), CreditingRules.ChatMessage, null, 1);
        yield return (ActivityKind.FileAction, start.AddHours(16).AddMinutes(30), CreditingRules.FileAction, "budget.xlsx", 0);
        yield return (ActivityKind.CalendarBlock, start.AddHours(13), TimeSpan.FromHours(1), "Focus time", 0);
        if (seed % 4 == 0)
        {
            yield return (ActivityKind.EmailSent, start.AddHours(20).AddMinutes(10), CreditingRules.SentEmail, "Late reply", 1);
        }
    }

    private static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static async Task AtBothWidthsAsync(BrowserSession browser, string name)
    {
        await browser.Page.SetViewportSizeAsync(1280, 860);
        Assert.True(await FitsTheWidthAsync(browser.Page), $"{name} scrolls sideways at 1280 px");
        await browser.ScreenshotAsync($"{name}-1280");
        await browser.AssertAccessibleAsync();
        await browser.Page.SetViewportSizeAsync(390, 844);
        Assert.True(await FitsTheWidthAsync(browser.Page), $"{name} scrolls sideways at 390 px");
        await browser.ScreenshotAsync($"{name}-390");
        await browser.AssertAccessibleAsync();
        await browser.Page.SetViewportSizeAsync(1280, 860);
    }

    [Fact]
    public async Task OwnerReadsTheDashboardOpensADayCorrectsAnItemAndSeesTheirOwnWeeks()
    {
        await using var browser = await BrowserSession.StartAsync("reporting-pages");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, Fabrikam.AdminEmail);
        var (day, owner) = await SeedAsync();

        // A returning user lands on the Dashboard.
        await page.GotoAsync(app.BaseAddress.ToString());
        await page.WaitForURLAsync("**/Dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Dashboard?date={Format(day)}").ToString());
        var rows = page.Locator("#day-rows > li");
        Assert.True(await rows.CountAsync() >= 10);
        await Assertions.Expect(page.Locator("#day-rows .day-bar").First).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator("#day-rows .day-bar").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("'s day, .* items .* work hours 09:00–17:00"));
        await AtBothWidthsAsync(browser, "dashboard");

        await page.ClickAsync("a.chip:has-text('score')");
        await page.WaitForURLAsync("**sort=score**");
        var scores = await page.Locator("#day-rows .score-chip").AllInnerTextsAsync();
        var numbers = scores.Select(s => int.TryParse(new string(s.Where(char.IsDigit).ToArray()), out var n) ? n : -1).Where(n => n >= 0).ToList();
        Assert.Equal(numbers.OrderByDescending(n => n), numbers);
        await browser.ScreenshotAsync("dashboard-by-score");

        await page.SelectOptionAsync("select[name=team]", "Sales");
        await page.ClickAsync("button:has-text('Show')");
        await page.WaitForURLAsync("**team=Sales**");
        Assert.True(await rows.CountAsync() < 10);
        await browser.ScreenshotAsync("dashboard-sales");

        // Keyboard: the row's name is its link to the person's day.
        await page.GotoAsync(new Uri(app.BaseAddress, $"/Dashboard?date={Format(day)}").ToString());
        await page.Locator($"#day-rows li[data-person='{owner}'] a.day-row-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/Activities/Detail/{owner}?date={Format(day)}");
        await Assertions.Expect(page.Locator("#activity-items > li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#activity-items")).ToContainTextAsync("Not scored: a calendar entry with nobody else in it");
        await AtBothWidthsAsync(browser, "activity-detail");

        var before = await page.Locator("#day-result .score-chip").InnerTextAsync();
        var email = page.Locator("#activity-items > li", new() { HasText = "Sent email" }).First;
        await email.Locator("summary").ClickAsync();
        await email.Locator("input[name=minutes]").FillAsync("9999");
        await email.Locator("button:has-text('Save')").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error")).ToContainTextAsync("between 0 and 600 minutes");
        await browser.ScreenshotAsync("activity-detail-refused");
        await browser.AssertAccessibleAsync();

        email = page.Locator("#activity-items > li", new() { HasText = "Sent email" }).First;
        await email.Locator("input[name=minutes]").FillAsync("180");
        await email.Locator("button:has-text('Save')").ClickAsync();
        await Assertions.Expect(page.Locator("#detail-message")).ToContainTextAsync("The day was recomputed");
        var after = await page.Locator("#day-result .score-chip").InnerTextAsync();
        Assert.NotEqual(before, after);
        await Assertions.Expect(page.Locator(".correction-record").First).ToContainTextAsync("5 m → 3 h 00 m");
        await AtBothWidthsAsync(browser, "activity-detail-corrected");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Overviews/My").ToString());
        await Assertions.Expect(page.Locator("#band-chart .band-chart-day")).ToHaveCountAsync(28);
        await Assertions.Expect(page.Locator("#overview-days > li")).ToHaveCountAsync(28);
        // The seeded weeks end on the last work day, so a few of them fall in the 28 days before these.
        await Assertions.Expect(page.Locator("#own-history tbody tr", new() { HasText = "Work days computed" })).ToHaveCountAsync(1);
        await AtBothWidthsAsync(browser, "my-overview");
        await page.ClickAsync("a.chip:has-text('Last 14 days')");
        await Assertions.Expect(page.Locator("#band-chart .band-chart-day")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("#own-history tbody tr", new() { HasText = "Credited per work day" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#own-history tbody tr", new() { HasText = "Average score" })).ToContainTextAsync(new System.Text.RegularExpressions.Regex("up|down|the same"));
        await AtBothWidthsAsync(browser, "my-overview-14-days");
    }

    [Fact]
    public async Task MemberOfAWorkspaceHidingScoresSeesTheirHoursAndCorrectsTheirOwnItemWithoutSeeingAScore()
    {
        await using var browser = await BrowserSession.StartAsync("reporting-member");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, Fabrikam.AdminEmail);
        var (day, _) = await SeedAsync();
        await app.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            (await db.Tenants.SingleAsync()).ShowScoresToMembers(false);
            return true;
        });
        await app.ChangePersonAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, p =>
        {
            p.GrantLoginAccess();
            p.AssignRole(Domain.People.PersonRole.Member);
        });
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/Login").ToString());
        await page.ClickAsync("#sign-in-microsoft");
        await page.ClickAsync($"[data-account='{Fabrikam.MemberEmail}']");
        await page.WaitForURLAsync("**/Dashboard");

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Dashboard?date={Format(day)}").ToString());
        await Assertions.Expect(page.Locator("#day-rows > li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".score-chip")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a.chip:has-text('score')")).ToHaveCountAsync(0);
        await AtBothWidthsAsync(browser, "member-dashboard");

        await page.ClickAsync("#day-rows a.day-row-link");
        await Assertions.Expect(page.Locator("#day-result")).Not.ToContainTextAsync("Score");
        var email = page.Locator("#activity-items > li", new() { HasText = "Sent email" }).First;
        await email.Locator("summary").ClickAsync();
        await email.Locator("input[name=minutes]").FillAsync("30");
        await email.Locator("button:has-text('Save')").ClickAsync();
        await Assertions.Expect(page.Locator("#detail-message")).ToContainTextAsync("The day was recomputed");
        await Assertions.Expect(page.Locator(".score-chip")).ToHaveCountAsync(0);
        await AtBothWidthsAsync(browser, "member-activity-detail");

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Overviews/My?to={Format(day)}").ToString());
        await Assertions.Expect(page.Locator(".score-chip")).ToHaveCountAsync(0);
        // "not scored" may describe an item; a score itself never shows.
        await Assertions.Expect(page.Locator("#overview-days")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\bscore\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await AtBothWidthsAsync(browser, "member-my-overview");
    }
}
