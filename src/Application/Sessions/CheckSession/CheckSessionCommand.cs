using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Sessions.CheckSession;

/// <summary>
/// A request arrived with this session: is it still in effect, and with which role? A command, not a query: it notes
/// when the session was last seen and ends a session that has lapsed or whose person or workspace no longer allows it.
/// </summary>
[SentByWorkSights("the session cookie's validation, on every request")]
public sealed record CheckSessionCommand(string SessionId) : ICommand<SessionCheck>;
