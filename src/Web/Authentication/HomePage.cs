using System.Security.Claims;
using WorkSights.Domain.People;

namespace WorkSights.Web.Authentication;

/// <summary>Where a signed-in person starts: the Dashboard, or user management for a Technical Admin who may not see activity.</summary>
public static class HomePage
{
    public static string For(ClaimsPrincipal user) =>
        Enum.TryParse<PersonRole>(user.FindFirst(WorkSightsClaims.Role)?.Value, out var role) && role == PersonRole.TechnicalAdmin
            ? "/Settings/Users/Provisioning"
            : "/Dashboard";
}
