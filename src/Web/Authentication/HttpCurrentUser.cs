using System.Security.Claims;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Web.Authentication;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? ExternalTenantId => User?.FindFirstValue(WorkSightsClaims.ExternalTenantId);

    public string? ObjectId => User?.FindFirstValue(WorkSightsClaims.ObjectId);

    public Guid? PersonId => Guid.TryParse(User?.FindFirstValue(WorkSightsClaims.PersonId), out var id) ? id : null;

    public PersonRole? Role => Enum.TryParse<PersonRole>(User?.FindFirstValue(WorkSightsClaims.Role), out var role) ? role : null;

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    public Guid? WorkspaceId => Guid.TryParse(User?.FindFirstValue(WorkSightsClaims.WorkspaceId), out var id) ? id : null;
}
