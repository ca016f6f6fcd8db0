using System.Runtime.CompilerServices;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.AuditLog;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>A scripted audit feed: blobs per content type, listed by creation time like the real API; records every call.</summary>
internal sealed class FakeAuditFeedReader : IAuditFeedReader
{
    private readonly List<(string ContentType, AuditContent Content, IReadOnlyList<AuditRecord> Records)> blobs = [];

    public List<string> Subscriptions { get; } = [];

    public List<(string ContentType, DateTimeOffset Start, DateTimeOffset End)> Listings { get; } = [];

    public bool AuditLogOff { get; set; }

    /// <summary>Blobs are listed in the order they were added, not by creation time (the feed does not promise an order within a listing).</summary>
    public bool ListInOrderAdded { get; set; }

    /// <summary>Reading this blob fails with the exception.</summary>
    public (string ContentId, Exception Failure)? FailReading { get; set; }

    /// <summary>Listing number N (1-based) fails with this exception.</summary>
    public (int Listing, Exception Failure)? FailListing { get; set; }

    public FakeAuditFeedReader Blob(string contentType, DateTimeOffset created, params AuditRecord[] records)
    {
        var id = $"blob-{blobs.Count + 1}";
        blobs.Add((contentType, new AuditContent(id, new Uri($"https://manage.office.test/blobs/{id}"), created), records));
        return this;
    }

    public Task StartSubscriptionAsync(string externalTenantId, string contentType, CancellationToken cancellationToken)
    {
        if (AuditLogOff)
        {
            throw new AuditLogNotEnabledException("The subscription was disabled.");
        }

        Subscriptions.Add(contentType);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AuditContent> ListContentAsync(
        string externalTenantId, string contentType, DateTimeOffset start, DateTimeOffset end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (AuditLogOff)
        {
            throw new AuditLogNotEnabledException("The subscription was disabled.");
        }

        Listings.Add((contentType, start, end));
        if (FailListing is { } failing && failing.Listing == Listings.Count)
        {
            throw failing.Failure;
        }

        var listed = blobs.Where(b => b.ContentType == contentType && b.Content.Created >= start && b.Content.Created < end);
        foreach (var blob in ListInOrderAdded ? listed : listed.OrderBy(b => b.Content.Created))
        {
            yield return blob.Content;
        }
    }

    public Task<IReadOnlyList<AuditRecord>> ReadContentAsync(string externalTenantId, AuditContent content, CancellationToken cancellationToken) =>
        FailReading is { } failing && failing.ContentId == content.ContentId
            ? Task.FromException<IReadOnlyList<AuditRecord>>(failing.Failure)
            : Task.FromResult(blobs.Single(b => b.Content.ContentId == content.ContentId).Records);
}
