namespace WorkSights.Domain.Onboarding;

public enum ConsentCallbackVerdict
{
    Valid = 1,
    AlreadyUsed = 2,
    Expired = 3,
    NotTheRequester = 4,
    TenantMismatch = 5,
}
