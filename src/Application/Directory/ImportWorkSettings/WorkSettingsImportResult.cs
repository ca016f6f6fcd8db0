namespace WorkSights.Application.Directory.ImportWorkSettings;

public enum WorkSettingsImportOutcome
{
    Completed = 1,
    WorkspaceNotActive = 2,

    /// <summary>The organisation has not granted <see cref="MailboxSettingsPermission.Required"/>: nothing is imported, the rest of the sync goes on.</summary>
    PermissionMissing = 3,

    /// <summary>Microsoft asked for a pause or could not be reached: what was read is kept, the rest waits for the next sync.</summary>
    Interrupted = 4,
}

/// <param name="Read">Mailboxes whose settings were read.</param>
/// <param name="Changed">People whose stored settings are new or differ from before.</param>
public sealed record WorkSettingsImportResult(WorkSettingsImportOutcome Outcome, int Read, int Changed);
