using Microsoft.Playwright;

namespace WorkSights.Web.BrowserTests;

/// <summary>Steps a person takes in the browser, shared by the browser tests.</summary>
internal static class BrowserJourney
{
    public static async Task SignUpAsync(IPage page, Uri app, string email)
    {
        await page.GotoAsync(new Uri(app, "/SignUp").ToString());
        await page.ClickAsync("#sign-up-microsoft");
        await page.ClickAsync($"[data-account='{email}']");
        await page.WaitForURLAsync("**/Onboarding/Connect");
    }

    public static async Task SignUpAndAcceptAsync(IPage page, Uri app, string adminEmail)
    {
        await SignUpAsync(page, app, adminEmail);
        await page.ClickAsync("#continue-to-consent");
        await page.ClickAsync("#accept");

        // The consent's callback verifies the grant and imports the directory before it answers: on a loaded 2-core
        // machine that has once taken longer than the default navigation timeout.
        await page.WaitForURLAsync("**/Onboarding/Ready", new PageWaitForURLOptions { Timeout = 120_000 });
    }
}
