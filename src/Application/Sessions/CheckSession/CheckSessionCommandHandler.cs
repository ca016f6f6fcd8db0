using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Domain.Sessions;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Sessions.CheckSession;

public sealed class CheckSessionCommandHandler(
    ISessionStore sessions,
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IOptions<UserSessionOptions> options,
    TimeProvider clock)
    : ICommandHandler<CheckSessionCommand, SessionCheck>
{
    /// <summary>Last-seen is written at most this often per session, so busy pages do not write on every request; the
    /// idle timeout is at least a minute, so this can shorten it by at most this much.</summary>
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromSeconds(30);

    private readonly UserSessionOptions settings = options.Value;

    public async ValueTask<SessionCheck> Handle(CheckSessionCommand command, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(SessionIds.Hash(command.SessionId), cancellationToken);
        if (session is null or { IsEnded: true })
        {
            return SessionCheck.Ended;
        }

        var now = clock.GetUtcNow();
        var (ending, role) = session.LapseAt(now, settings.AbsoluteLifetime, settings.IdleTimeout) is { } lapse
            ? (lapse, null)
            : await StandingAsync(session, cancellationToken);
        if (ending is { } reason)
        {
            session.End(now, reason);
            await sessions.SaveChangesAsync(cancellationToken);
            return SessionCheck.Ended;
        }

        if (now - session.LastSeenAt >= LastSeenPrecision)
        {
            session.SeenAt(now);
            await sessions.SaveChangesAsync(cancellationToken);
        }

        return new SessionCheck(true, role);
    }

    /// <summary>What the person and workspace allow now: the same rule sign-in applies (the workspace past sign-up, the
    /// person active with login access), or why the session must end.</summary>
    private async Task<(SessionEndReason? Ending, PersonRole? Role)> StandingAsync(UserSession session, CancellationToken cancellationToken)
    {
        if (session.WorkspaceId is not { } workspaceId)
        {
            return (null, null);
        }

        var workspace = await db.Tenants.AsNoTracking().Where(t => t.Id == workspaceId).Select(t => (TenantStatus?)t.Status).SingleOrDefaultAsync(cancellationToken);
        if (workspace is null or TenantStatus.PendingConsent)
        {
            return (SessionEndReason.WorkspaceGone, null);
        }

        using var scope = tenantContext.BeginScope(workspaceId);
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == session.PersonId)
            .Select(p => new { p.Status, p.HasLoginAccess, p.Role })
            .SingleOrDefaultAsync(cancellationToken);
        return person is { Status: PersonStatus.Active, HasLoginAccess: true }
            ? (null, person.Role)
            : (SessionEndReason.AccessRemoved, null);
    }
}
