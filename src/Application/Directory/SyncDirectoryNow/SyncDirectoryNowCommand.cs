using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.SyncDirectoryNow;

/// <summary>An administrator asks for the directory to be brought up to date right away.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record SyncDirectoryNowCommand : ICommand<DirectoryImportResult>;
