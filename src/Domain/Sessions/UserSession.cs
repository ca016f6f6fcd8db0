using WorkSights.Domain.Common;

namespace WorkSights.Domain.Sessions;

/// <summary>
/// A signed-in browser, kept on the server so that it can end: the cookie carries a random id, the record only its hash.
/// A session belongs to a person of a workspace, or, during sign-up before any workspace exists, to a directory
/// identity (tenant and object id) alone.
/// </summary>
public sealed class UserSession
{
    private UserSession()
    {
        IdHash = ExternalTenantId = ObjectId = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the id the cookie carries, in lower-case hex.</summary>
    public string IdHash { get; private set; }

    public string ExternalTenantId { get; private set; }

    public string ObjectId { get; private set; }

    public Guid? WorkspaceId { get; private set; }

    public Guid? PersonId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public bool IsEnded => EndedAt is not null;

    public static UserSession Start(string idHash, string externalTenantId, string objectId, Guid? workspaceId, Guid? personId, DateTimeOffset now)
    {
        if ((workspaceId is null) != (personId is null))
        {
            throw new DomainRuleViolationException("A workspace session names both the workspace and the person.");
        }

        return new UserSession
        {
            Id = Guid.NewGuid(),
            IdHash = Guard.Required(idHash, "Session id hash", 64),
            ExternalTenantId = Guard.Required(externalTenantId, "Tenant id", 64).ToLowerInvariant(),
            ObjectId = Guard.Required(objectId, "Object id", 64).ToLowerInvariant(),
            WorkspaceId = workspaceId,
            PersonId = personId,
            CreatedAt = Guard.Utc(now, "Start time"),
            LastSeenAt = now,
        };
    }

    /// <summary>Why the session has lapsed at <paramref name="now"/>, or null while it may go on.</summary>
    public SessionEndReason? LapseAt(DateTimeOffset now, TimeSpan absoluteLifetime, TimeSpan idleTimeout) =>
        now - CreatedAt >= absoluteLifetime ? SessionEndReason.AbsoluteLifetime
        : now - LastSeenAt >= idleTimeout ? SessionEndReason.IdleTimeout
        : null;

    public void SeenAt(DateTimeOffset now)
    {
        if (now > LastSeenAt)
        {
            LastSeenAt = Guard.Utc(now, "Last seen time");
        }
    }

    /// <summary>Ends the session once; a later reason does not replace the first.</summary>
    public void End(DateTimeOffset now, SessionEndReason reason)
    {
        if (EndedAt is null)
        {
            EndedAt = Guard.Utc(now, "End time");
            EndReason = reason;
        }
    }
}
