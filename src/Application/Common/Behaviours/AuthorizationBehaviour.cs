using System.Reflection;
using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Common.Behaviours;

/// <summary>
/// Applies the request's <see cref="IAccessRule"/>; a request that declares none, or several, is refused. An integration
/// client is let through only to the reads <see cref="IntegratorRequests"/> lists for its scopes.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly IAccessRule[] Rules = [.. typeof(TMessage).GetCustomAttributes(inherit: true).OfType<IAccessRule>()];

    private static readonly string? IntegratorScope = IntegratorRequests.ScopeFor(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Rules.Length != 1)
        {
            throw new ForbiddenAccessException($"{typeof(TMessage).Name} declares {Rules.Length} access rules instead of one, so nobody may send it.");
        }

        if (currentUser.Client is { } client && Rules[0] is not SentByWorkSightsAttribute)
        {
            // An integrator is not a person: only the reads listed for integrators, within the key's scopes.
            if (IntegratorScope is not { } scope || !client.Holds(scope))
            {
                throw new ForbiddenAccessException("This API key may not do this.");
            }

            return next(message, cancellationToken);
        }

        if (!Rules[0].Allows(currentUser))
        {
            throw new ForbiddenAccessException("Your role does not allow this.");
        }

        return next(message, cancellationToken);
    }
}
