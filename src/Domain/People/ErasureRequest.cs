using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>A person asked for everything WorkSights holds about them to be erased; an Owner carries it out.</summary>
public sealed class ErasureRequest : ITenantOwned
{
    private ErasureRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public static ErasureRequest By(Person person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new ErasureRequest
        {
            Id = Guid.NewGuid(),
            TenantId = person.TenantId,
            PersonId = person.Id,
            RequestedAt = Guard.Utc(now, "Request time"),
        };
    }
}
