using System.Globalization;
using System.Text.Json;
using WorkSights.Application.Ingestion.Feeds.AuditLog;

namespace WorkSights.Infrastructure.AuditFeed;

/// <summary>Reads the fields WorkSights keeps from one audit record of the Management Activity API schema.</summary>
internal static class AuditRecordJson
{
    /// <summary>Null for a record without an id, a time or an operation: nothing can be made of it.</summary>
    public static AuditRecord? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || Text(element, "Id") is not { } id
            || Text(element, "Operation") is not { } operation
            || Utc(Text(element, "CreationTime")) is not { } creationTime)
        {
            return null;
        }

        return new AuditRecord
        {
            Id = id,
            CreationTime = creationTime,
            Operation = operation,
            Workload = Text(element, "Workload"),
            UserKey = Text(element, "UserKey"),
            UserId = Text(element, "UserId"),
            ClientIp = Text(element, "ClientIP") ?? Text(element, "ClientIPAddress"),
            ResultStatus = Text(element, "ResultStatus"),
            SourceFileName = Text(element, "SourceFileName"),
            ChatName = Text(element, "ChatName"),
            ChannelName = Text(element, "ChannelName"),
            TeamName = Text(element, "TeamName"),
            MailboxOwnerUpn = Text(element, "MailboxOwnerUPN"),
            MemberAddresses = Members(element),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The feed writes UTC times without an offset.</summary>
    private static DateTimeOffset? Utc(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;

    private static List<string> Members(JsonElement element) =>
        element.TryGetProperty("Members", out var members) && members.ValueKind == JsonValueKind.Array
            ? [.. members.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).Select(m => Text(m, "UPN")).OfType<string>()]
            : [];
}
