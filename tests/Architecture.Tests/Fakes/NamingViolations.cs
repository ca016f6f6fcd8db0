using FluentValidation;
using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Architecture.Tests.Fakes;

[SentByWorkSights("the architecture tests")]
public sealed record FakeCommand(int Value) : ICommand<int>;

public sealed record FakeUnitCommand : ICommand;

[RequiresSignIn]
public sealed record FakeQuery : IQuery<int>;

/// <summary>Breaks the command naming rule on purpose.</summary>
public sealed record DoSomethingRequest : ICommand<int>;

/// <summary>Breaks the command naming rule on purpose, through the non-generic interface.</summary>
public sealed record PurgeEverything : ICommand;

/// <summary>Breaks the query naming rule on purpose.</summary>
public sealed record FindThings : IQuery<int>;

/// <summary>Keeps the handler rule.</summary>
public sealed class FakeQueryHandler : IQueryHandler<FakeQuery, int>
{
    public ValueTask<int> Handle(FakeQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(1);
}

/// <summary>Breaks the handler naming rule on purpose.</summary>
public sealed class BadlyNamedCommandProcessor : ICommandHandler<FakeCommand, int>
{
    public ValueTask<int> Handle(FakeCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Value);
}

/// <summary>Breaks the handler sealing rule on purpose.</summary>
#pragma warning disable CA1852 // deliberately left open
public class UnsealedFakeUnitCommandHandler : ICommandHandler<FakeUnitCommand>
#pragma warning restore CA1852
{
    public ValueTask<Unit> Handle(FakeUnitCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}

/// <summary>Keeps the validator rule.</summary>
public sealed class FakeCommandValidator : AbstractValidator<FakeCommand>
{
    public FakeCommandValidator() => RuleFor(c => c.Value).GreaterThan(0);
}

/// <summary>Breaks the validator naming rule on purpose.</summary>
public sealed class FakeCommandRules : AbstractValidator<FakeCommand>
{
    public FakeCommandRules() => RuleFor(c => c.Value).LessThan(10);
}
