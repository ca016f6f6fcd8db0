using Mediator;

namespace WorkSights.Application.Sessions.EndSession;

/// <summary>Sign-out: the session ends, so a copy of its cookie no longer signs anyone in.</summary>
public sealed record EndSessionCommand(string SessionId) : ICommand;
