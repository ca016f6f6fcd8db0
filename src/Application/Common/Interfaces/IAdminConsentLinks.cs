namespace WorkSights.Application.Common.Interfaces;

/// <summary>Builds the provider's admin-consent address for an organisation.</summary>
public interface IAdminConsentLinks
{
    Uri Build(string externalTenantId, string state);
}
