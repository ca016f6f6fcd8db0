using WorkSights.Application.Common.Interfaces;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Infrastructure;

/// <summary>Scopes every request of a signed-in person to their own workspace, and only that.</summary>
internal sealed class WorkspaceScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantContext tenantContext)
    {
        if (Guid.TryParse(context.User.FindFirst(WorkSightsClaims.WorkspaceId)?.Value, out var workspaceId))
        {
            using var scope = tenantContext.BeginScope(workspaceId);
            await next(context);
            return;
        }

        await next(context);
    }
}
