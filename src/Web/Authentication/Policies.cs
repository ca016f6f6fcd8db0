using Microsoft.AspNetCore.Authorization;
using WorkSights.Domain.ApiKeys;
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

    /// <summary>Reading the people through /api/v1: Owner and Technical Admin, or an API key that reads the directory.</summary>
    public const string PeopleRead = nameof(PeopleRead);

    /// <summary>Reading the Score Report through /api/v1: Owner and Executive, or an API key that reads reports.</summary>
    public const string ScoreReportRead = nameof(ScoreReportRead);

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
        options.AddPolicy(PeopleRead, p => RequireRolesOrScope(p, ApiScopes.DirectoryRead, PersonRole.Owner, PersonRole.TechnicalAdmin));
        options.AddPolicy(ScoreReportRead, p => RequireRolesOrScope(p, ApiScopes.ReportsRead, PersonRole.Owner, PersonRole.Executive));
    }

    public static bool Allows(string policy, PersonRole? role) => (policy, role) switch
    {
        (Workspace, not null) => true,
        (Administration, PersonRole.Owner or PersonRole.TechnicalAdmin) => true,
        (Owner, PersonRole.Owner) => true,
        (Analytics, PersonRole.Owner or PersonRole.Executive or PersonRole.Manager or PersonRole.Member) => true,
        (Executive or ScoreReportRead, PersonRole.Owner or PersonRole.Executive) => true,
        (PeopleRead, PersonRole.Owner or PersonRole.TechnicalAdmin) => true,
        _ => false,
    };

    /// <summary>A person holding one of the roles, or an integration client whose key holds the scope.</summary>
    private static void RequireRolesOrScope(AuthorizationPolicyBuilder policy, string scope, params PersonRole[] roles) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(WorkSightsClaims.WorkspaceId)
            .RequireAssertion(context => ApiClientClaims.IsApiClient(context.User)
                ? ApiClientClaims.Holds(context.User, scope)
                : roles.Any(r => context.User.HasClaim(WorkSightsClaims.Role, r.ToString())));

    private static void RequireRoles(AuthorizationPolicyBuilder policy, params PersonRole[] roles) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(WorkSightsClaims.WorkspaceId)
            .RequireClaim(WorkSightsClaims.Role, roles.Select(r => r.ToString()));
}
