using System.Security.Claims;
using WorkSights.Domain.People;

namespace WorkSights.Web.Authentication;

/// <summary>The claims a WorkSights session carries; nothing from the provider's token beyond who the person is.</summary>
internal static class SessionPrincipal
{
    public static ClaimsPrincipal Create(
        string externalTenantId,
        string objectId,
        string name,
        string email,
        Guid? workspaceId,
        Guid? personId,
        PersonRole? role)
    {
        var claims = new List<Claim>
        {
            new(WorkSightsClaims.ExternalTenantId, externalTenantId.ToLowerInvariant()),
            new(WorkSightsClaims.ObjectId, objectId.ToLowerInvariant()),
            new(WorkSightsClaims.Name, name),
            new(WorkSightsClaims.Email, email),
        };
        if (workspaceId is { } workspace && personId is { } person && role is { } granted)
        {
            claims.Add(new(WorkSightsClaims.WorkspaceId, workspace.ToString()));
            claims.Add(new(WorkSightsClaims.PersonId, person.ToString()));
            claims.Add(new(WorkSightsClaims.Role, granted.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationSchemes.Cookie, WorkSightsClaims.Name, WorkSightsClaims.Role));
    }
}
