namespace WorkSights.Application.Accounts;

/// <summary>The audit log's names of what was done on Account View and in the sign-up.</summary>
public static class AccountAuditActions
{
    public const string CompanyDetailsChanged = "account.company.changed";

    public const string AccountSetupSaved = "account.setup.saved";

    public const string ScoreVisibilityChanged = "account.scores.visibility.changed";

    public const string RetentionChanged = "account.retention.changed";

    public const string PrivacyModeChanged = "account.privacy.changed";

    public const string DataPurged = "account.retention.purged";

    public const string ApiKeyCreated = "account.apikey.created";

    public const string ApiKeyRevoked = "account.apikey.revoked";

    public const string ConsentGranted = "workspace.consent.granted";

    public const string ConsentRevoked = "workspace.consent.revoked";

    public const string ConsentRecovered = "workspace.consent.recovered";

    public const string WorkspaceProvisioned = "workspace.provisioned";

    public const string FirstOwnerEstablished = "workspace.owner.established";
}
