namespace WorkSights.Domain.Activities;

/// <summary>The facts of one source item, as an adapter read them.</summary>
public sealed record ActivityRecord(
    Guid TenantId,
    Guid PersonId,
    ActivityKind Kind,
    ActivitySource Source,
    DateTimeOffset OccurredAt,
    TimeSpan Duration,
    string? Title,
    int CounterpartCount,
    bool IsExternal,
    string ExternalId)
{
    /// <summary>The identity linked into <see cref="PersonId"/> whose item this is, when it is one (see <see cref="Activity.SourcePersonId"/>).</summary>
    public Guid? SourcePersonId { get; init; }

    /// <summary>Where the item came from, when the source knows (sign-ins).</summary>
    public ActivityLocation? Location { get; init; }

    /// <summary>The network address the item came from, when the source knows (sign-ins, audit records).</summary>
    public string? ClientIp { get; init; }

    /// <summary>The cloud provider whose network the item came from (a virtual machine, a cloud proxy), when it did.</summary>
    public string? CloudProvider { get; init; }
}
