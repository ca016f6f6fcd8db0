namespace WorkSights.Application.Onboarding.RecheckConsent;

/// <summary>How often a workspace whose consent was revoked asks Microsoft whether it was granted again.</summary>
public sealed class ConsentRecheckOptions
{
    public const string SectionName = "ConsentRecheck";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
