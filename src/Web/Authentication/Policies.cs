using Microsoft.AspNetCore.Authorization;
using WorkSights.Domain.People;

namespace WorkSights.Web.Authentication;

/// <summary>Who may open which part of the product (PRODUCT.md, "Who uses it").</summary>
public static class Policies
{
    /// <summary>Signed in to a workspace.</summary>
    public const string Workspace = nameof(Workspace);

    /// <summary>Connections, provisioning, users and roles.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Account settings and company details.</summary>
    public const string Owner = nameof(Owner);

    /// <summary>Activity, scores and reports: everyone but the Technical Admin.</summary>
    public const string Analytics = nameof(Analytics);

    /// <summary>Executive Overview and the Score Report.</summary>
    public const string Executive = nameof(Executive);

    /// <summary>Signed in with a work account, whether or not a workspace exists yet.</summary>
    public const string Onboarding = nameof(Onboarding);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Onboarding, p => p.RequireAuthenticatedUser().RequireClaim(WorkSightsClaims.ExternalTenantId).RequireClaim(WorkSightsClaims.ObjectId));
        options.AddPolicy(Workspace, p => p.RequireAuthenticatedUser().RequireClaim(WorkSightsClaims.WorkspaceId));
        options.AddPolicy(Administration, p => RequireRoles(p, PersonRole.Owner, PersonRole.TechnicalAdmin));
        options.AddPolicy(Owner, p => RequireRoles(p, PersonRole.Owner));
        options.AddPolicy(Analytics, p => RequireRoles(p, PersonRole.Owner, PersonRole.Executive, PersonRole.Manager, PersonRole.Member));
        options.AddPolicy(Executive, p => RequireRoles(p, PersonRole.Owner, PersonRole.Executive));
    }

    public static bool Allows(string policy, PersonRole? role) => (policy, role) switch
    {
        (Workspace, not null) => true,
        (Administration, PersonRole.Owner or PersonRole.TechnicalAdmin) => true,
        (Owner, PersonRole.Owner) => true,
        (Analytics, PersonRole.Owner or PersonRole.Executive or PersonRole.Manager or PersonRole.Member) => true,
        (Executive, PersonRole.Owner or PersonRole.Executive) => true,
        _ => false,
    };

    private static void RequireRoles(AuthorizationPolicyBuilder policy, params PersonRole[] roles) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(WorkSightsClaims.WorkspaceId)
            .RequireClaim(WorkSightsClaims.Role, roles.Select(r => r.ToString()));
}
