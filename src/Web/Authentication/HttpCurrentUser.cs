using System.Security.Claims;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Web.Authentication;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? ExternalTenantId => User?.FindFirstValue(WorkSightsClaims.ExternalTenantId);

    public string? ObjectId => User?.FindFirstValue(WorkSightsClaims.ObjectId);

    /// <summary>None for an integration client, which is never a person.</summary>
    public Guid? PersonId => ApiClientClaims.IsApiClient(User) ? null : Guid.TryParse(User?.FindFirstValue(WorkSightsClaims.PersonId), out var id) ? id : null;

    public PersonRole? Role => ApiClientClaims.IsApiClient(User) ? null : Enum.TryParse<PersonRole>(User?.FindFirstValue(WorkSightsClaims.Role), out var role) ? role : null;

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    public ApiClient? Client => User is { } user && ApiClientClaims.IsApiClient(user)
        && Guid.TryParse(user.FindFirstValue(ApiClientClaims.KeyId), out var keyId)
        && user.FindFirstValue(ApiClientClaims.ClientId) is { } clientId
            ? new ApiClient(keyId, clientId, user.FindAll(ApiClientClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : null;

    public Guid? WorkspaceId => Guid.TryParse(User?.FindFirstValue(WorkSightsClaims.WorkspaceId), out var id) ? id : null;
}
