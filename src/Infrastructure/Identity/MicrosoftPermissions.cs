using WorkSights.Application.Directory.ImportWorkSettings;
using WorkSights.Application.Onboarding.Consent;

namespace WorkSights.Infrastructure.Identity;

/// <summary>The application permissions (app roles) WorkSights' registration asks for, by resource. All are read-only;
/// the README lists the same ones for a real registration.</summary>
internal static class MicrosoftPermissions
{
    public static IReadOnlyList<RequiredPermission> Graph { get; } =
    [
        new("User.Read.All", "read people's profiles"),
        new("Directory.Read.All", "read the directory's structure and roles"),
        new("Mail.ReadBasic.All", "read mail metadata (never bodies or attachments)"),
        new("Calendars.ReadBasic.All", "read calendar metadata (never bodies or attachments)"),
        MailboxSettingsPermission.Required,
        new("CallRecords.Read.All", "read Teams call records"),
        new("AuditLog.Read.All", "read sign-ins"),
        new("Reports.Read.All", "read usage reports"),
    ];

    public static IReadOnlyList<RequiredPermission> ManagementActivity { get; } =
    [
        new("ActivityFeed.Read", "read the audit log of files, chats and mailbox access"),
    ];
}
