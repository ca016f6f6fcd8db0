namespace WorkSights.Web.Authentication;

/// <summary>Claim types of the WorkSights session cookie.</summary>
public static class WorkSightsClaims
{
    public const string ExternalTenantId = "tid";
    public const string ObjectId = "oid";
    public const string Name = "name";
    public const string Email = "email";
    public const string WorkspaceId = "ws_tenant";
    public const string PersonId = "ws_person";
    public const string Role = "ws_role";

    /// <summary>The random id of the server-side session (only its hash is stored).</summary>
    public const string SessionId = "ws_session";
}
