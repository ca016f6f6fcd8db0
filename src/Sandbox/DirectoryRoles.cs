using System.Text.Json.Nodes;

namespace WorkSights.Sandbox;

/// <summary>The built-in Entra directory roles the seeded people hold, by their documented role template ids. A role's
/// object id differs per tenant (the role is activated in each directory); its template id is the same everywhere.</summary>
internal static class DirectoryRoles
{
    private static readonly Dictionary<string, (string Name, string Description)> Templates = new(StringComparer.OrdinalIgnoreCase)
    {
        [SandboxTenants.GlobalAdministratorRoleId] = ("Global Administrator", "Manages every aspect of the directory and of the services that use its identities."),
        [SandboxTenants.PrivilegedRoleAdministratorRoleId] = ("Privileged Role Administrator", "Assigns directory roles and grants consent to application permissions."),
        [SandboxTenants.ApplicationAdministratorRoleId] = ("Application Administrator", "Creates and manages app registrations and enterprise apps."),
        [SandboxTenants.CloudApplicationAdministratorRoleId] = ("Cloud Application Administrator", "Manages app registrations and enterprise apps, without application proxy."),
    };

    public static string NameOf(string roleTemplateId) => Templates.TryGetValue(roleTemplateId, out var role) ? role.Name : roleTemplateId;

    /// <summary>The directoryRole resource of <paramref name="roleTemplateId"/> as activated in <paramref name="tenantId"/>.</summary>
    public static JsonObject Json(string tenantId, string roleTemplateId)
    {
        var (name, description) = Templates.TryGetValue(roleTemplateId, out var role) ? role : (roleTemplateId, string.Empty);
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.directoryRole",
            ["id"] = SandboxDirectory.StableGuid($"{tenantId}:directoryRole:{roleTemplateId}"),
            ["deletedDateTime"] = null,
            ["description"] = description,
            ["displayName"] = name,
            ["roleTemplateId"] = roleTemplateId,
        };
    }
}
