using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Sessions;

namespace WorkSights.Application.Sessions.StartSession;

public sealed class StartSessionCommandHandler(ISessionStore sessions, TimeProvider clock) : ICommandHandler<StartSessionCommand, string>
{
    public async ValueTask<string> Handle(StartSessionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (command.PreviousSessionId is { } previousId && await sessions.FindAsync(SessionIds.Hash(previousId), cancellationToken) is { } previous)
        {
            previous.End(now, SessionEndReason.Replaced);
        }

        var id = SessionIds.New();
        sessions.Add(UserSession.Start(SessionIds.Hash(id), command.ExternalTenantId, command.ObjectId, command.WorkspaceId, command.PersonId, now));
        await sessions.SaveChangesAsync(cancellationToken);
        return id;
    }
}
