namespace WorkSights.Infrastructure.Graph;

/// <summary>Which nextLinks WorkSights follows: absolute URLs under the configured Graph base, never anywhere else.</summary>
internal static class GraphNextLinks
{
    /// <summary>
    /// True for an absolute http(s) URL on the Graph base's scheme, host and port, under its path, with no fragment and no
    /// <c>$metadata</c> segment. The reference's own Get callRecord example shows a <c>sessions@odata.nextLink</c> that is a
    /// metadata context URL (<c>…/$metadata#communications/…</c>), of which no request can be made.
    /// </summary>
    public static bool IsFollowable(Uri graphBase, string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || link.Contains('#', StringComparison.Ordinal)
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return false;
        }

        var basePath = graphBase.AbsolutePath.TrimEnd('/') + "/";
        return string.Equals(uri.Scheme, graphBase.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, graphBase.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == graphBase.Port
            && string.IsNullOrEmpty(uri.UserInfo)
            && uri.AbsolutePath.StartsWith(basePath, StringComparison.OrdinalIgnoreCase)
            && !uri.AbsolutePath.Contains("/$metadata", StringComparison.OrdinalIgnoreCase);
    }
}
