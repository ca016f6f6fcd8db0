using Mediator;

namespace WorkSights.Application.Accounts.RequestErasure;

/// <summary>The signed-in person asks to be erased; an Owner sees the request and carries it out. Asking twice is one request.</summary>
public sealed record RequestErasureCommand : ICommand;
