using WorkSights.Domain.Common;

namespace WorkSights.Domain.Audit;

/// <summary>
/// One change made to a workspace's settings or people: who made it, when, to what, and the value before and after.
/// Written with the change in its transaction and never changed or removed afterwards.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public const int MaximumValueLength = 2000;

    private AuditEntry()
    {
        Action = Subject = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The person who made the change; none when WorkSights made it itself.</summary>
    public Guid? ByPersonId { get; private set; }

    /// <summary>What was done, e.g. "schedule.person.changed".</summary>
    public string Action { get; private set; }

    /// <summary>What it was done to, in words a reader of the log recognises (a person's name, a schedule's name).</summary>
    public string Subject { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    /// <summary>The IP address the change came from; none when WorkSights made it itself.</summary>
    public string? FromAddress { get; private set; }

    public static AuditEntry Record(Guid tenantId, AuditActor by, DateTimeOffset at, string action, string subject, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (tenantId == Guid.Empty)
        {
            throw new DomainRuleViolationException("An audit entry belongs to a workspace.");
        }

        return new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            At = at.ToUniversalTime(),
            ByPersonId = by.PersonId,
            FromAddress = by.Address is { Length: > AuditActor.MaximumAddressLength } address ? address[..AuditActor.MaximumAddressLength] : by.Address,
            Action = Guard.Required(action, "Action", 100),
            Subject = Guard.Required(subject, "Subject", 300),
            Before = Clip(before),
            After = Clip(after),
        };
    }

    private static string? Clip(string? value) => value is { Length: > MaximumValueLength } ? value[..MaximumValueLength] : value;
}
