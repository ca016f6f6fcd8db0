using System.Net;
using System.Text.RegularExpressions;

namespace WorkSights.Tests.Shared;

/// <summary>
/// A cookie-keeping HTTP client that walks the sign-in and consent redirects like a browser would, across the app and
/// the sandbox. It keeps Secure cookies on loopback HTTP, as browsers do for localhost.
/// </summary>
public sealed partial class BrowserlessClient : IDisposable
{
    private readonly Dictionary<(string Host, string Name), string> cookies = [];
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public HttpResponseMessage? LastResponse { get; private set; }

    /// <summary>A Host header to send instead of the URL's, per authority (host:port), as a client forging it would.</summary>
    public Dictionary<string, string> HostHeaders { get; } = [];

    /// <summary>Every answer so far with the URL asked, its body buffered so that it can be read again.</summary>
    public List<(Uri Url, HttpResponseMessage Response)> History { get; } = [];

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, IEnumerable<KeyValuePair<string, string>>? form = null) =>
        SendAsync(method, url, form is null ? null : new FormUrlEncodedContent(form));

    /// <summary>Sends any body, e.g. a form whose encoding a test wrote by hand.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, url);
        var header = string.Join("; ", cookies.Where(c => c.Key.Host == url.Host).Select(c => $"{c.Key.Name}={c.Value}"));
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        request.Content = content;

        if (HostHeaders.TryGetValue(url.Authority, out var host))
        {
            request.Headers.Host = host;
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        History.Add((url, response));
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..eq];
                var value = pair[(eq + 1)..];
                var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                if (expired)
                {
                    cookies.Remove((url.Host, name));
                }
                else
                {
                    cookies[(url.Host, name)] = value;
                }
            }
        }

        LastResponse = response;
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(Uri url) => SendAsync(HttpMethod.Get, url);

    /// <summary>Follows redirects (GET) until a non-redirect answer; returns it and the URL it came from.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> FollowAsync(HttpResponseMessage response, Uri from, int maxHops = 10)
    {
        var url = from;
        for (var hop = 0; hop < maxHops && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.MovedPermanently; hop++)
        {
            url = new Uri(url, response.Headers.Location!);
            response = await GetAsync(url);
        }

        return (response, url);
    }

    /// <summary>Submits the first form of an HTML page (or the one with the given id), with its hidden fields and extra values.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> SubmitFormAsync(string html, Uri pageUrl, string? formId = null, IDictionary<string, string>? values = null, bool follow = true)
    {
        var form = FindForm(html, formId) ?? throw new InvalidOperationException($"No form {formId} on {pageUrl}; the page reads: {TextOf(html)}");
        var action = FormAction().Match(form).Groups[1].Value;
        var target = action.Length == 0 ? pageUrl : new Uri(pageUrl, WebUtility.HtmlDecode(action));
        // A repeated hidden name (ASP.NET's __Invariant marks each date input) is posted once, with its first value.
        var fields = HiddenInput().Matches(form)
            .GroupBy(m => WebUtility.HtmlDecode(m.Groups["name"].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        var response = await SendAsync(HttpMethod.Post, target, fields);
        return follow ? await FollowAsync(response, target) : (response, target);
    }

    /// <summary>The Cookie header this client would send to <paramref name="url"/>, for a request it does not make itself (a stream).</summary>
    public string CookieHeader(Uri url) => string.Join("; ", cookies.Where(c => c.Key.Host == url.Host).Select(c => $"{c.Key.Name}={c.Value}"));

    public bool HasCookie(string host, string name) => cookies.ContainsKey((host, name));

    /// <summary>The cookie's current value, as a person copying it out of the browser would see it.</summary>
    public string? CookieValue(string host, string name) => cookies.GetValueOrDefault((host, name));

    /// <summary>Puts a saved cookie back, as a person replaying a copied cookie would.</summary>
    public void SetCookie(string host, string name, string value) => cookies[(host, name)] = value;

    public void Dispose() => http.Dispose();

    public static string? FindForm(string html, string? formId)
    {
        foreach (Match match in FormBlock().Matches(html))
        {
            if (formId is null || match.Value.Contains($"id=\"{formId}\"", StringComparison.Ordinal))
            {
                return match.Value;
            }
        }

        return null;
    }

    /// <summary>The visible words of a page, shortened, for a failure message.</summary>
    private static string TextOf(string html)
    {
        var text = Whitespace().Replace(Tag().Replace(html, " "), " ").Trim();
        return text.Length <= 400 ? text : text[..400] + "…";
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormBlock();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]*)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
