using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Architecture.Tests.Fakes;

/// <summary>Breaks the access rule on purpose: declares no rule.</summary>
public sealed record UnguardedCommand : ICommand;

/// <summary>Breaks the access rule on purpose: declares two.</summary>
[RequiresSignIn]
[RequiresRole(PersonRole.Owner)]
public sealed record DoublyGuardedQuery : IQuery<int>;
