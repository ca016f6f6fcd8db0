namespace WorkSights.Domain.Tenants;

public enum IdentityProvider
{
    Microsoft365 = 1,
    GoogleWorkspace = 2,
}
