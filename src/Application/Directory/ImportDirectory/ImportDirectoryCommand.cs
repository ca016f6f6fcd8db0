using Mediator;

namespace WorkSights.Application.Directory.ImportDirectory;

/// <summary>Brings the workspace's people up to date with the organisation's directory (full import or delta).</summary>
public sealed record ImportDirectoryCommand(Guid TenantId) : ICommand<DirectoryImportResult>;
