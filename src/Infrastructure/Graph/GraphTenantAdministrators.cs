using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads a person's directory roles through Graph (<c>/users/{id}/transitiveMemberOf/microsoft.graph.directoryRole</c>)
/// with the app-only token. Only a Global Administrator or a Privileged Role Administrator can grant tenant-wide consent to
/// Microsoft Graph application permissions; an Application or Cloud Application Administrator cannot. The id_token's
/// <c>wids</c> claim appears only when a registration asks for it, and is never taken as proof.
/// </summary>
internal sealed class GraphTenantAdministrators(GraphClientFactory graphClients) : ITenantAdministrators
{
    private const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    private const string PrivilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    public async Task<bool> CanGrantTenantWideConsentAsync(string externalTenantId, string objectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(objectId, out var id))
        {
            return false;
        }

        var graph = graphClients.ForTenant(externalTenantId);
        var roles = graph.Users[id.ToString()].TransitiveMemberOf.GraphDirectoryRole;
        try
        {
            // An OData cast on a membership list is an advanced query: Graph documents ConsistencyLevel and $count with it.
            var page = await GraphCalls.CallAsync(() => roles.GetAsync(
                request =>
                {
                    request.QueryParameters.Select = ["roleTemplateId"];
                    request.QueryParameters.Top = 999;
                    request.QueryParameters.Count = true;
                    request.Headers.Add("ConsistencyLevel", "eventual");
                },
                cancellationToken), graphClients.Clock);
            while (page is not null)
            {
                if (page.Value?.Any(r => r.RoleTemplateId is GlobalAdministrator or PrivilegedRoleAdministrator) == true)
                {
                    return true;
                }

                var next = page.OdataNextLink;
                page = next is null ? null : await GraphCalls.CallAsync(() => roles.WithUrl(next).GetAsync(cancellationToken: cancellationToken), graphClients.Clock);
            }

            return false;
        }
        catch (SourceNotFoundException)
        {
            return false;
        }
    }
}
