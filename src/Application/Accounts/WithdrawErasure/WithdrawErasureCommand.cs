using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.WithdrawErasure;

/// <summary>The signed-in person takes back their request to be erased, before an Owner has carried it out.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record WithdrawErasureCommand : ICommand;
