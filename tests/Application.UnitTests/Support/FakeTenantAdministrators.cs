using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>The directory's administrators who can grant consent, by object id.</summary>
internal sealed class FakeTenantAdministrators(params string[] administrators) : ITenantAdministrators
{
    public HashSet<string> Administrators { get; } = new(administrators, StringComparer.OrdinalIgnoreCase);

    public bool Unreachable { get; set; }

    public List<string> Asked { get; } = [];

    public Task<bool> CanGrantTenantWideConsentAsync(string externalTenantId, string objectId, CancellationToken cancellationToken)
    {
        Asked.Add(objectId);
        return Unreachable
            ? throw new ProviderUnavailableException("Microsoft Graph could not be reached.")
            : Task.FromResult(Administrators.Contains(objectId));
    }
}
