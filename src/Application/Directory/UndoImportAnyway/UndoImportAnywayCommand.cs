using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.UndoImportAnyway;

/// <summary>
/// Undoes "Import anyway": the person <paramref name="PersonId"/> goes back to the Not imported list with the reason it had,
/// and everything read of them is removed (activity, days, settings), as for a Blocked identity. Later syncs keep it there.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record UndoImportAnywayCommand(Guid PersonId) : ICommand;
