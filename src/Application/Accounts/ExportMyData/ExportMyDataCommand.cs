using Mediator;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.ExportMyData;

/// <summary>
/// The signed-in person downloads everything WorkSights holds about them: profile, activities, day results and places,
/// corrections of or by them, and the audit entries about them or made by them.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record ExportMyDataCommand : ICommand<DataExport>;
