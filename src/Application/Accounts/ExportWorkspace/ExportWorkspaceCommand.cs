using Mediator;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.ExportWorkspace;

/// <summary>An Owner downloads the workspace: people, activities, day results and the audit log, in one format.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record ExportWorkspaceCommand(ExportFormat Format) : ICommand<DataExport>;
