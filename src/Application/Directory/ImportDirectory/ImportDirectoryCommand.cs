using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Directory.ImportDirectory;

/// <summary>Brings the workspace's people up to date with the organisation's directory (full import or delta).</summary>
[SentByWorkSights("the directory sync: the sync job, provisioning and Sync now")]
public sealed record ImportDirectoryCommand(Guid TenantId) : ICommand<DirectoryImportResult>;
