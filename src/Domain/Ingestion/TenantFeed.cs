namespace WorkSights.Domain.Ingestion;

/// <summary>A source read once for the whole workspace (not mailbox by mailbox), each with its own checkpoint.</summary>
public enum TenantFeed
{
    /// <summary>Graph call records: Teams calls and online meetings with each participant's sessions.</summary>
    CallRecords = 1,

    /// <summary>Graph sign-ins, with city-level location.</summary>
    SignIns = 2,

    /// <summary>Audit feed Audit.SharePoint: SharePoint and OneDrive file actions.</summary>
    AuditSharePoint = 3,

    /// <summary>Audit feed Audit.General: Teams chat messages.</summary>
    AuditGeneral = 4,

    /// <summary>Audit feed Audit.Exchange: mailbox access markers.</summary>
    AuditExchange = 5,

    /// <summary>Audit feed Audit.AzureActiveDirectory: logins with their client address.</summary>
    AuditAzureActiveDirectory = 6,
}

public static class TenantFeeds
{
    /// <summary>The Service View feature whose toggle switches a feed on and off.</summary>
    public static ServiceFeature FeatureOf(TenantFeed feed) => feed switch
    {
        TenantFeed.CallRecords => ServiceFeature.Calls,
        TenantFeed.SignIns or TenantFeed.AuditAzureActiveDirectory => ServiceFeature.Logins,
        TenantFeed.AuditSharePoint => ServiceFeature.Files,
        TenantFeed.AuditGeneral => ServiceFeature.Chat,
        TenantFeed.AuditExchange => ServiceFeature.MailboxAccess,
        _ => throw new Common.DomainRuleViolationException("Unknown feed."),
    };

    public static bool IsAuditFeed(TenantFeed feed) => feed >= TenantFeed.AuditSharePoint;
}
