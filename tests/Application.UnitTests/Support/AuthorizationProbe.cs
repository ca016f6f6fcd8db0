using Mediator;
using WorkSights.Application.Common.Behaviours;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Sends a request through the authorization behaviour alone, as someone of the given role.</summary>
internal static class AuthorizationProbe
{
    /// <returns>True when the request reached its handler, false when it was refused.</returns>
    public static async Task<bool> ReachesHandlerAsync<TMessage, TResponse>(PersonRole? role, TMessage message)
        where TMessage : IMessage
    {
        var behaviour = new AuthorizationBehaviour<TMessage, TResponse>(new FakeCurrentUser(role, Guid.NewGuid()));
        var reached = false;
        try
        {
            await behaviour.Handle(message, (_, _) =>
            {
                reached = true;
                return ValueTask.FromResult(default(TResponse)!);
            }, CancellationToken.None);
        }
        catch (ForbiddenAccessException)
        {
            return false;
        }

        return reached;
    }
}
