using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.UnitTests.Support;

internal sealed class FakeAdminConsentLinks : IAdminConsentLinks
{
    public string? LastState { get; private set; }

    public Uri Build(string externalTenantId, string state)
    {
        LastState = state;
        return new Uri($"https://login.example.test/{externalTenantId}/adminconsent?state={Uri.EscapeDataString(state)}");
    }
}
