using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.Feeds.AuditLog;

/// <summary>The Management Activity API's content type behind each audit feed.</summary>
public static class AuditContentTypes
{
    public const string SharePoint = "Audit.SharePoint";
    public const string General = "Audit.General";
    public const string Exchange = "Audit.Exchange";
    public const string AzureActiveDirectory = "Audit.AzureActiveDirectory";

    public static string Of(TenantFeed feed) => feed switch
    {
        TenantFeed.AuditSharePoint => SharePoint,
        TenantFeed.AuditGeneral => General,
        TenantFeed.AuditExchange => Exchange,
        TenantFeed.AuditAzureActiveDirectory => AzureActiveDirectory,
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Not an audit feed."),
    };
}
