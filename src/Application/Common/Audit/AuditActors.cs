using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Common.Audit;

public static class AuditActors
{
    /// <summary>The signed-in person and the address the request came from, as an audit entry records them.</summary>
    public static AuditActor AsAuditActor(this ICurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        return new AuditActor(currentUser.PersonId, currentUser.Address);
    }
}
