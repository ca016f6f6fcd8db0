using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Sessions.EndSession;

/// <summary>Sign-out: the session ends, so a copy of its cookie no longer signs anyone in.</summary>
[SentByWorkSights("the session cookie's sign-out")]
public sealed record EndSessionCommand(string SessionId) : ICommand;
