using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Sessions.StartSession;

/// <summary>A sign-in: records a new session and returns its id for the cookie; the session the browser held before, if
/// any, ends.</summary>
[SentByWorkSights("the session cookie's sign-in")]
public sealed record StartSessionCommand(
    string ExternalTenantId,
    string ObjectId,
    Guid? WorkspaceId,
    Guid? PersonId,
    string? PreviousSessionId) : ICommand<string>;
