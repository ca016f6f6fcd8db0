using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Sessions;

namespace WorkSights.Application.Sessions.EndSession;

public sealed class EndSessionCommandHandler(ISessionStore sessions, TimeProvider clock) : ICommandHandler<EndSessionCommand>
{
    public async ValueTask<Unit> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(SessionIds.Hash(command.SessionId), cancellationToken) is { IsEnded: false } session)
        {
            session.End(clock.GetUtcNow(), SessionEndReason.SignedOut);
            await sessions.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
