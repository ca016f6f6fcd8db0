using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Schedules and holidays (Account) and a person's schedule tab (Personal), at 1280 px and at a phone's 390 px.</summary>
public sealed class SchedulePagesBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerObservesHolidaysAddsAScheduleAndPlansAVacationAtBothWidths()
    {
        await using var browser = await BrowserSession.StartAsync("schedules");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());
        await page.ClickAsync("text=Edit schedules and holidays");
        await page.CheckAsync("#holidays-form input[value='GB']");
        await page.SelectOptionAsync("#Holidays_DefaultRegion", "GB");
        await page.ClickAsync("#holidays-form button[type='submit']");
        await Assertions.Expect(page.Locator("[role='status']")).ToContainTextAsync("Holidays saved");
        await Assertions.Expect(page.Locator(".holiday-list li").First).ToContainTextAsync("United Kingdom");

        await page.ClickAsync("text=Add a schedule");
        await page.FillAsync("#new-schedule-name", "Early shift");
        for (var day = 0; day < 5; day++)
        {
            await page.SelectOptionAsync($"#new_schedule_{day}_kind", "Hours");
            await page.FillAsync($"#new_schedule_{day}_start", "07:00");
            await page.FillAsync($"#new_schedule_{day}_end", "15:00");
        }

        await page.ClickAsync("#new-schedule-form button[type='submit']");
        await Assertions.Expect(page.Locator(".named-schedule summary").First).ToContainTextAsync("Mon–Fri 07:00–15:00, Sat–Sun usual hours");
        await browser.ScreenshotAsync("1280-workspace");
        await browser.AssertAccessibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Personal").ToString());
        await page.SelectOptionAsync("#Settings_NamedScheduleId", new SelectOptionValue { Label = "Early shift (Mon–Fri 07:00–15:00, Sat–Sun usual hours)" });
        await page.ClickAsync("#schedule-settings-form button[type='submit']");
        await Assertions.Expect(page.Locator(".week-glance")).ToContainTextAsync("07:00–15:00");
        await page.ClickAsync("text=Add a vacation or temporary change");
        await page.FillAsync("#Custom_Label", "Summer vacation");
        await page.FillAsync("#Custom_From", "2027-07-05");
        await page.FillAsync("#Custom_To", "2027-07-16");
        await page.ClickAsync("#custom-schedule-form button[type='submit']");
        await Assertions.Expect(page.Locator(".custom-schedules")).ToContainTextAsync("Summer vacation");
        await Assertions.Expect(page.Locator(".custom-schedules")).ToContainTextAsync("5 Jul 2027 – 16 Jul 2027");
        await browser.ScreenshotAsync("1280-personal");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/Settings/Personal", "/Settings/Schedules" })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 390 px");
            await browser.ScreenshotAsync("390-" + path.Split('/')[^1].ToLowerInvariant());
        }
    }
}
