using System.Reflection;
using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Common.Behaviours;

public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly RequiresRoleAttribute? Requirement = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Requirement is not null && (currentUser.Role is not { } role || !Requirement.Roles.Contains(role)))
        {
            throw new ForbiddenAccessException("Your role does not allow this.");
        }

        return next(message, cancellationToken);
    }
}
