using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Onboarding;

public sealed partial class OnboardingStepTests : FunctionalTest
{
    [Fact]
    public async Task EveryPageOfSigningUpCountsTheSameStepsAndAccountSetupIsTheLast()
    {
        var admin = NewBrowser();
        var labels = new List<string?> { StepLabel(await (await admin.Browser.GetAsync(admin.At("/SignUp"))).Content.ReadAsStringAsync()) };
        var (connect, _) = await admin.SignUpAsync(SandboxTenants.Fabrikam.AdminEmail);
        labels.Add(StepLabel(await connect.Content.ReadAsStringAsync()));
        var (ready, readyUrl) = await admin.ConsentAsync("accept");
        Assert.Equal("/Onboarding/Ready", readyUrl.AbsolutePath);
        labels.Add(StepLabel(await ready.Content.ReadAsStringAsync()));
        var setupUrl = admin.At("/Onboarding/AccountSetup");
        var setup = await (await admin.Browser.GetAsync(setupUrl)).Content.ReadAsStringAsync();
        labels.Add(StepLabel(setup));

        Assert.Equal(["Step 1 of 4: Sign in", "Step 2 of 4: Approve access", "Step 3 of 4: Workspace ready", "Step 4 of 4: Company details"], labels);

        // Posted by hand: the form repeats hidden fields (one per number or time input) that SubmitFormAsync cannot hold.
        var form = setup[setup.IndexOf("id=\"account-setup-form\"", StringComparison.Ordinal)..];
        var posted = await admin.Browser.SendAsync(HttpMethod.Post, setupUrl, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.CompanyName"] = "Fabrikam",
            ["Input.PrimaryDomain"] = SandboxTenants.Fabrikam.PrimaryDomain,
            ["Input.Industry"] = "Software and IT services",
            ["Input.Size"] = "UpTo10",
            ["Input.CountryCode"] = "GB",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.WorkDays[0]"] = "Monday",
            ["Input.WorkDays[1]"] = "Tuesday",
            ["Input.ScheduleStart"] = "09:00",
            ["Input.ScheduleEnd"] = "17:00",
            ["Input.DefaultTargetPercent"] = "80",
        });
        var (saved, savedUrl) = await admin.Browser.FollowAsync(posted, setupUrl);
        Assert.Equal("/Settings/Users/Provisioning", savedUrl.AbsolutePath);
        var setupEntry = await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, db => db.AuditEntries.SingleAsync(e => e.Action == AccountAuditActions.AccountSetupSaved));
        Assert.Equal((null, "127.0.0.1"), (setupEntry.Before, setupEntry.FromAddress));
        Assert.StartsWith("Fabrikam, fabrikam.com, Software and IT services, 1–10 people, GB; ", setupEntry.After, StringComparison.Ordinal);
        Assert.Null(StepLabel(await saved.Content.ReadAsStringAsync()));
        var editing = await (await admin.Browser.GetAsync(setupUrl)).Content.ReadAsStringAsync();
        Assert.Contains("Account Setup", editing, StringComparison.Ordinal);
        Assert.Null(StepLabel(editing));
    }

    private static string? StepLabel(string html)
    {
        var match = StepLabelPattern().Match(html);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<p class="step-label" id="onboarding-step">([^<]*)</p>""")]
    private static partial Regex StepLabelPattern();
}
