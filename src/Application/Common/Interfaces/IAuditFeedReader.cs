using WorkSights.Application.Ingestion.Feeds.AuditLog;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads the Office 365 Management Activity API (the unified audit log) of one organisation.</summary>
/// <remarks>
/// Every method may throw <see cref="Exceptions.AuditLogNotEnabledException"/> (audit logging off),
/// <see cref="Exceptions.ProviderThrottledException"/>, <see cref="Exceptions.ConsentRevokedException"/> or
/// <see cref="Exceptions.ProviderUnavailableException"/>.
/// </remarks>
public interface IAuditFeedReader
{
    /// <summary>Starts the subscription to a content type; a subscription already enabled counts as started.</summary>
    Task StartSubscriptionAsync(string externalTenantId, string contentType, CancellationToken cancellationToken);

    /// <summary>The content blobs that became available in [<paramref name="start"/>, <paramref name="end"/>), every page.</summary>
    IAsyncEnumerable<AuditContent> ListContentAsync(string externalTenantId, string contentType, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>The audit records of one content blob.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadContentAsync(string externalTenantId, AuditContent content, CancellationToken cancellationToken);
}
