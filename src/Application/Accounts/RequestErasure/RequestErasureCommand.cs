using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.RequestErasure;

/// <summary>The signed-in person asks to be erased; an Owner sees the request and carries it out. Asking twice is one request.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record RequestErasureCommand : ICommand;
