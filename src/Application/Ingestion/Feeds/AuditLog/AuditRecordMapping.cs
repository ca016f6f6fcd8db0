using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.Feeds.AuditLog;

/// <summary>
/// Turns the audit records of one feed into activities: file actions, Teams messages, mailbox access markers and
/// successful logins. Other operations, and records of nobody importable, are skipped.
/// </summary>
internal static class AuditRecordMapping
{
    private static readonly Dictionary<string, string> FileActions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FileAccessed"] = "Opened",
        ["FileModified"] = "Modified",
        ["FileUploaded"] = "Uploaded",
        ["FileDownloaded"] = "Downloaded",
        ["FileRenamed"] = "Renamed",
        ["FileMoved"] = "Moved",
        ["FileDeleted"] = "Deleted",
    };

    public static ActivityRecord? ToActivity(AuditRecord record, FeedImportContext context)
    {
        var draft = context.Feed switch
        {
            TenantFeed.AuditSharePoint => FileAction(record),
            TenantFeed.AuditGeneral => TeamsMessage(record, context),
            TenantFeed.AuditExchange => MailboxAccess(record),
            TenantFeed.AuditAzureActiveDirectory => Login(record),
            _ => null,
        };
        if (draft is null || context.FindPerson(record.UserKey, record.UserId) is not { } personId)
        {
            return null;
        }

        return new ActivityRecord(
            context.Tenant.Id,
            personId,
            draft.Kind,
            draft.Source,
            record.CreationTime.ToUniversalTime(),
            draft.Duration,
            draft.Title,
            draft.Counterparts,
            draft.IsExternal,
            record.Id)
        {
            ClientIp = string.IsNullOrWhiteSpace(record.ClientIp) ? null : record.ClientIp.Trim(),
            SourcePersonId = context.LinkedIdentity(record.UserKey, record.UserId),
        };
    }

    private static Draft? FileAction(AuditRecord record)
    {
        ActivitySource? source = record.Workload switch
        {
            "SharePoint" => ActivitySource.SharePoint,
            "OneDrive" => ActivitySource.OneDrive,
            _ => null,
        };
        if (source is null || !FileActions.TryGetValue(record.Operation, out var action))
        {
            return null;
        }

        var title = FileNameOnly(record.SourceFileName) is { } file ? $"{action} {file}" : action;
        return new Draft(ActivityKind.FileAction, source.Value, CreditingRules.FileAction, title);
    }

    private static Draft? TeamsMessage(AuditRecord record, FeedImportContext context)
    {
        if (record.Workload != "MicrosoftTeams" || !string.Equals(record.Operation, "MessageSent", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var others = record.MemberAddresses
            .Where(a => !string.Equals(a, record.UserId, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var title = Present(record.ChannelName) ?? Present(record.ChatName);
        return new Draft(ActivityKind.ChatMessage, ActivitySource.Teams, CreditingRules.ChatMessage, title)
        {
            Counterparts = others.Count,
            IsExternal = CreditingRules.IsExternal(others, context.WorkspaceDomains),
        };
    }

    private static Draft? MailboxAccess(AuditRecord record)
    {
        if (record.Workload != "Exchange" || !string.Equals(record.Operation, "MailItemsAccessed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var owner = Present(record.MailboxOwnerUpn);
        var title = owner is null || string.Equals(owner, record.UserId, StringComparison.OrdinalIgnoreCase) ? "Own mailbox" : $"Mailbox of {owner}";
        return new Draft(ActivityKind.MailboxAccess, ActivitySource.Exchange, TimeSpan.Zero, title);
    }

    private static Draft? Login(AuditRecord record)
    {
        var succeeded = record.ResultStatus is null
            || record.ResultStatus.Equals("Success", StringComparison.OrdinalIgnoreCase)
            || record.ResultStatus.Equals("Succeeded", StringComparison.OrdinalIgnoreCase);
        return record.Workload == "AzureActiveDirectory" && succeeded && string.Equals(record.Operation, "UserLoggedIn", StringComparison.OrdinalIgnoreCase)
            ? new Draft(ActivityKind.SignIn, ActivitySource.EntraId, CreditingRules.SignIn, "Signed in")
            : null;
    }

    /// <summary>A file name as the feed gives it, without any path or query string.</summary>
    private static string? FileNameOnly(string? name)
    {
        var present = Present(name);
        if (present is null)
        {
            return null;
        }

        var withoutQuery = present.Split('?', '#')[0];
        var lastSlash = withoutQuery.LastIndexOfAny(['/', '\\']);
        return Present(lastSlash >= 0 ? withoutQuery[(lastSlash + 1)..] : withoutQuery);
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Draft(ActivityKind Kind, ActivitySource Source, TimeSpan Duration, string? Title)
    {
        public int Counterparts { get; init; }

        public bool IsExternal { get; init; }
    }
}
