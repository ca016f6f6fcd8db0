namespace WorkSights.Domain.Tenants;

public enum CompanySize
{
    UpTo10 = 1,
    From11To50 = 2,
    From51To200 = 3,
    From201To1000 = 4,
    From1001To5000 = 5,
    Over5000 = 6,
}
