using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.Consent;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>What the provider says of the organisation's consent: granted unless a test says otherwise.</summary>
internal sealed class FakeConsentVerifier : IConsentVerifier
{
    public static readonly RequiredPermission Users = new("User.Read.All", "read people's profiles");
    public static readonly RequiredPermission Mail = new("Mail.ReadBasic.All", "read mail metadata");

    public ConsentProof Proof { get; set; } = ConsentProof.From([Users, Mail], []);

    public bool Unreachable { get; set; }

    public int Calls { get; private set; }

    public Task<ConsentProof> ProveAsync(string externalTenantId, CancellationToken cancellationToken)
    {
        Calls++;
        return Unreachable ? throw new ProviderUnavailableException("The identity platform could not be reached.") : Task.FromResult(Proof);
    }

    public void GrantsNothing() => Proof = ConsentProof.From([Users, Mail], [Users, Mail]);

    public void GrantsOnlyUsers() => Proof = ConsentProof.From([Users, Mail], [Mail]);
}
