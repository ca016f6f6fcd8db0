namespace WorkSights.Application.Accounts;

/// <summary>What the audit log's action names mean, in a reader's words.</summary>
public static class AuditActionLabels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [AccountAuditActions.CompanyDetailsChanged] = "Company details changed",
        [AccountAuditActions.AccountSetupSaved] = "Account Setup saved",
        [AccountAuditActions.ScoreVisibilityChanged] = "Score visibility changed",
        [AccountAuditActions.RetentionChanged] = "Data retention changed",
        [AccountAuditActions.PrivacyModeChanged] = "Privacy mode changed",
        [AccountAuditActions.DataPurged] = "Old activities purged",
        [AccountAuditActions.ApiKeyCreated] = "API key created",
        [AccountAuditActions.ApiKeyRevoked] = "API key revoked",
        [AccountAuditActions.ConsentGranted] = "Microsoft 365 consent granted",
        [AccountAuditActions.ConsentRevoked] = "Microsoft 365 consent revoked",
        [AccountAuditActions.ConsentRecovered] = "Microsoft 365 consent granted again",
        [AccountAuditActions.WorkspaceProvisioned] = "Workspace provisioned",
        [AccountAuditActions.FirstOwnerEstablished] = "First Owner established",
        ["person.role.changed"] = "Role changed",
        ["person.login.changed"] = "Login access changed",
        ["person.team.changed"] = "Team changed",
        ["person.manager.changed"] = "Manager changed",
        ["person.position.changed"] = "Position changed",
        ["person.status.changed"] = "Active or inactive changed",
        ["person.schedule.changed"] = "Schedule changed",
        ["schedule.default.changed"] = "Default schedule changed",
        ["schedule.holidays.changed"] = "Holiday regions changed",
        ["schedule.person.changed"] = "Person's schedule changed",
        ["schedule.named.added"] = "Named schedule added",
        ["schedule.named.changed"] = "Named schedule changed",
        ["schedule.named.removed"] = "Named schedule removed",
        ["schedule.custom.added"] = "Custom hours added",
        ["schedule.custom.removed"] = "Custom hours removed",
        ["scoring.crediting.changed"] = "Crediting table changed",
        ["observers.thresholds.changed"] = "Observer thresholds changed",
        ["person.erasure.withdrawn"] = "Erasure request withdrawn",
        ["person.provisioning.changed"] = "Provisioning state changed",
        ["provisioning.joiners.changed"] = "Accept joiners automatically changed",
    };

    /// <summary>The label of <paramref name="action"/>; an action without one reads as itself ("person.role.changed").</summary>
    public static string Of(string action) => Known.TryGetValue(action, out var label) ? label : action;
}
