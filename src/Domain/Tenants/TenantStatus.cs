namespace WorkSights.Domain.Tenants;

public enum TenantStatus
{
    PendingConsent = 1,
    Active = 2,
    ConsentRevoked = 3,
}
