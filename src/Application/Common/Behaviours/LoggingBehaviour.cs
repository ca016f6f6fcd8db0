using Mediator;
using Microsoft.Extensions.Logging;

namespace WorkSights.Application.Common.Behaviours;

/// <summary>Logs which use case ran and for which workspace; never the request's content, which may hold personal data.</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger,
    Interfaces.ITenantContext tenantContext)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        logger.LogDebug("Handling {UseCase} for workspace {TenantId}", typeof(TMessage).Name, tenantContext.TenantId);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("{UseCase} failed for workspace {TenantId} with {ErrorType}", typeof(TMessage).Name, tenantContext.TenantId, ex.GetType().Name);
            throw;
        }
    }
}
