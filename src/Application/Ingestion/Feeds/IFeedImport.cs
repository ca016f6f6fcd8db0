using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.Feeds;

/// <summary>
/// Reads one kind of workspace-wide feed from its provider port and stores it page by page through
/// <see cref="FeedImportContext.WriteAsync"/>, moving the checkpoint with each page.
/// </summary>
/// <remarks>Provider exceptions (throttled, revoked, unavailable, audit log off) are left to the caller, which handles them alike for every feed.</remarks>
public interface IFeedImport
{
    IReadOnlyCollection<TenantFeed> Feeds { get; }

    Task ImportAsync(FeedImportContext context, CancellationToken cancellationToken);
}

/// <summary>What a feed import needs: the workspace, its feed checkpoint, its people and the page writer.</summary>
public sealed class FeedImportContext
{
    private readonly FeedPageWriter writer;
    private readonly WorkspacePeople people;

    internal FeedImportContext(Tenant tenant, TenantFeed feed, FeedCheckpoint checkpoint, WorkspacePeople people, FeedPageWriter writer, DateTimeOffset now)
    {
        Tenant = tenant;
        Feed = feed;
        Checkpoint = checkpoint;
        Now = now;
        this.people = people;
        this.writer = writer;
    }

    public Tenant Tenant { get; }

    public TenantFeed Feed { get; }

    public FeedCheckpoint Checkpoint { get; }

    /// <summary>When this sync started; ranges are read up to this time.</summary>
    public DateTimeOffset Now { get; }

    public int Stored => writer.Stored;

    public IReadOnlySet<string> WorkspaceDomains => people.Domains;

    /// <inheritdoc cref="WorkspacePeople.Find"/>
    public Guid? FindPerson(string? directoryId, string? address) => people.Find(directoryId, address);

    /// <inheritdoc cref="WorkspacePeople.LinkedIdentity"/>
    public Guid? LinkedIdentity(string? directoryId, string? address) => people.LinkedIdentity(directoryId, address);

    public bool IsWorkspaceAddress(string? address) => people.IsWorkspaceAddress(address);

    /// <summary>Stores a page's records and the checkpoint move in one transaction.</summary>
    public Task WriteAsync(IReadOnlyCollection<Domain.Activities.ActivityRecord> records, Action<int> moveCheckpoint, CancellationToken cancellationToken) =>
        writer.WriteAsync(records, moveCheckpoint, cancellationToken);
}
