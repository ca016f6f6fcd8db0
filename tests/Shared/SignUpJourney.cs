using System.Net;
using System.Text.RegularExpressions;

namespace WorkSights.Tests.Shared;

/// <summary>The sign-up and sign-in journeys walked over HTTP, step by step, as a person's browser would.</summary>
public sealed partial class SignUpJourney(WorkSightsApp app) : IDisposable
{
    public BrowserlessClient Browser { get; } = new();

    public Uri At(string path) => new(app.BaseAddress, path);

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>, as this browser is given it.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        var page = await Browser.GetAsync(At(path));
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return token.Length > 0 ? token : throw new InvalidOperationException($"{path} has no form with an antiforgery token.");
    }

    /// <summary>Home → Sign up with Microsoft 365 → the sandbox's sign-in → back to WorkSights.</summary>
    public Task<(HttpResponseMessage Response, Uri Url)> SignUpAsync(string email) => SignInThroughAsync("/SignUp", email);

    public Task<(HttpResponseMessage Response, Uri Url)> LogInAsync(string email) => SignInThroughAsync("/Login", email);

    /// <summary>Stops at the sandbox's form_post page, whose fields a test may tamper with before posting.</summary>
    public async Task<(string Html, Uri Url)> SignInUntilFormPostAsync(string startPath, string email)
    {
        var page = await Browser.GetAsync(At(startPath));
        var html = await page.Content.ReadAsStringAsync();
        if (!page.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{startPath} answered {(int)page.StatusCode}: {html}");
        }

        var (picker, pickerUrl) = await Browser.SubmitFormAsync(html, At(startPath), "microsoft-form");
        var pickerHtml = await picker.Content.ReadAsStringAsync();
        var (formPost, formPostUrl) = await Browser.SubmitFormAsync(pickerHtml, pickerUrl, "signin-form", new Dictionary<string, string> { ["login"] = email });
        return (await formPost.Content.ReadAsStringAsync(), formPostUrl);
    }

    /// <summary>Step 3 → 4: from the Connect page on to Microsoft's admin consent, answered with Accept, Cancel or Back to app.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> ConsentAsync(string decision)
    {
        var (review, reviewUrl) = await OpenConsentPageAsync();
        var html = await review.Content.ReadAsStringAsync();
        var formId = html.Contains("id=\"approval-form\"", StringComparison.Ordinal) ? "approval-form" : "consent-form";
        return await Browser.SubmitFormAsync(html, reviewUrl, formId, new Dictionary<string, string> { ["decision"] = decision });
    }

    public async Task<(HttpResponseMessage Response, Uri Url)> OpenConsentPageAsync()
    {
        var connect = await Browser.GetAsync(At("/Onboarding/Connect"));
        var html = await connect.Content.ReadAsStringAsync();
        return await Browser.SubmitFormAsync(html, At("/Onboarding/Connect"), "consent-start-form");
    }

    /// <summary>Admin consent answered with Accept, without following the redirect back (for tampering tests).</summary>
    public async Task<Uri> AcceptConsentWithoutReturningAsync()
    {
        var (review, reviewUrl) = await OpenConsentPageAsync();
        var html = await review.Content.ReadAsStringAsync();
        var (answer, answerUrl) = await Browser.SubmitFormAsync(html, reviewUrl, "consent-form", new Dictionary<string, string> { ["decision"] = "accept" }, follow: false);
        return answer.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            ? new Uri(answerUrl, answer.Headers.Location!)
            : throw new InvalidOperationException($"Consent answered {(int)answer.StatusCode}.");
    }

    /// <summary>The whole sign-up of an administrator who accepts: ends on the "workspace ready" page.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> SignUpAndConsentAsync(string adminEmail)
    {
        await SignUpAsync(adminEmail);
        return await ConsentAsync("accept");
    }

    public void Dispose() => Browser.Dispose();

    private async Task<(HttpResponseMessage Response, Uri Url)> SignInThroughAsync(string startPath, string email)
    {
        var (html, url) = await SignInUntilFormPostAsync(startPath, email);
        return await Browser.SubmitFormAsync(html, url, "form-post");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
