namespace WorkSights.Domain.Tenants;

public enum TenantStatus
{
    PendingConsent = 1,
    Active = 2,
    ConsentRevoked = 3,

    /// <summary>An Owner deleted the workspace: nobody reaches it any more, and its rows are being erased.</summary>
    Deleted = 4,
}
