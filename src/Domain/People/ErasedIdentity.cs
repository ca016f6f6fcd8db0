using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>
/// What is left of a person after erasure: only the directory's id, so that the next directory sync recognises them
/// and does not import them again. No name, no e-mail.
/// </summary>
public sealed class ErasedIdentity : ITenantOwned
{
    private ErasedIdentity()
    {
        ExternalId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The directory's immutable id of the erased person (the Entra <c>oid</c>).</summary>
    public string ExternalId { get; private set; }

    public DateTimeOffset ErasedAt { get; private set; }

    public static ErasedIdentity Of(Person person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new ErasedIdentity
        {
            Id = Guid.NewGuid(),
            TenantId = person.TenantId,
            ExternalId = person.ExternalId,
            ErasedAt = Guard.Utc(now, "Erasure time"),
        };
    }
}
