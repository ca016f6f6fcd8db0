using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Directory.ImportWorkSettings;

/// <summary>Reads the time zone and working hours of each importable person whose mailbox settings are missing or stale.</summary>
[SentByWorkSights("the sync job")]
public sealed record ImportWorkSettingsCommand(Guid TenantId) : ICommand<WorkSettingsImportResult>;
