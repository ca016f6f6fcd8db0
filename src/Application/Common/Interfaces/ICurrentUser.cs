using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Who is signed in, as proven by the identity provider, and where they stand in their workspace.</summary>
public interface ICurrentUser
{
    string? ExternalTenantId { get; }

    string? ObjectId { get; }

    Guid? PersonId { get; }

    PersonRole? Role { get; }

    /// <summary>The client's IP address (after trusted proxies), as the audit log records it; none outside a request.</summary>
    string? Address { get; }

    /// <summary>
    /// The integration client (API key) the request comes from, acting for its workspace and never for a person (it has
    /// no <see cref="PersonId"/> nor <see cref="Role"/>); null for a signed-in person and for WorkSights itself.
    /// </summary>
    ApiClient? Client => null;
}
