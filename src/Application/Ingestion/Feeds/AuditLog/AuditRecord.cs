namespace WorkSights.Application.Ingestion.Feeds.AuditLog;

/// <summary>One content blob the audit feed lists: where to fetch it and when it became available.</summary>
public sealed record AuditContent(string ContentId, Uri ContentUri, DateTimeOffset Created);

/// <summary>
/// The fields of an audit record that WorkSights reads (common schema plus the workload's own); never file contents,
/// message text or URLs.
/// </summary>
public sealed record AuditRecord
{
    public required string Id { get; init; }

    /// <summary>UTC; the feed writes it without an offset.</summary>
    public required DateTimeOffset CreationTime { get; init; }

    public required string Operation { get; init; }

    /// <summary>Exchange, SharePoint, OneDrive, MicrosoftTeams, AzureActiveDirectory, …</summary>
    public string? Workload { get; init; }

    public string? UserKey { get; init; }

    public string? UserId { get; init; }

    public string? ClientIp { get; init; }

    public string? ResultStatus { get; init; }

    public string? SourceFileName { get; init; }

    public string? ChatName { get; init; }

    public string? ChannelName { get; init; }

    public string? TeamName { get; init; }

    public string? MailboxOwnerUpn { get; init; }

    /// <summary>Teams: the addresses of the conversation's members.</summary>
    public IReadOnlyList<string> MemberAddresses { get; init; } = [];
}
