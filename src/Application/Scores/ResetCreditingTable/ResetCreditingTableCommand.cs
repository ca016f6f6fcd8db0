using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Scores.ResetCreditingTable;

/// <summary>An Owner goes back to PRODUCT.md's crediting table; every day is then recomputed.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record ResetCreditingTableCommand : ICommand<CreditingTableSaved>;
