using WorkSights.Application.Onboarding.Consent;

namespace WorkSights.Application.Directory.ImportWorkSettings;

/// <summary>The application permission that mailbox settings need.</summary>
public static class MailboxSettingsPermission
{
    public static RequiredPermission Required { get; } = new("MailboxSettings.Read", "read people's time zones and working hours");
}
