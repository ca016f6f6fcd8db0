namespace WorkSights.Domain.Audit;

/// <summary>Who made a change the audit log records, and from which network address.</summary>
/// <param name="PersonId">The person; none when WorkSights made the change itself (a background job).</param>
/// <param name="Address">The client's IP address as the web server saw it (after trusted proxies); none for a job.</param>
public sealed record AuditActor(Guid? PersonId, string? Address)
{
    public const int MaximumAddressLength = 45;

    /// <summary>WorkSights itself, e.g. the retention purge or a directory sync.</summary>
    public static readonly AuditActor WorkSights = new(null, null);
}
