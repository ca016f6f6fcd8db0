using WorkSights.Domain.Common;
using WorkSights.Domain.Onboarding;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Onboarding;

public sealed class PendingSignUpTests
{
    private static PendingSignUp Start() => PendingSignUp.Start("TID", "OID", "Ada@Contoso.com", "Ada", Now);

    [Fact]
    public void StartLowercasesIdsAndEmail()
    {
        var signUp = Start();

        Assert.Equal("tid", signUp.ExternalTenantId);
        Assert.Equal("oid", signUp.ObjectId);
        Assert.Equal("ada@contoso.com", signUp.Email);
        Assert.Equal("Ada", signUp.DisplayName);
        Assert.Equal(Now, signUp.SignedInAt);
        Assert.Null(signUp.CompletedAt);
        Assert.Null(signUp.NeedsAdministratorSince);
    }

    [Fact]
    public void StartThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => PendingSignUp.Start("t", "o", "a@b.c", "A", NotUtc));
    }

    [Fact]
    public void SignedInAgainMovesSignInTime()
    {
        var signUp = Start();

        signUp.SignedInAgain(Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), signUp.SignedInAt);
    }

    [Fact]
    public void MarkNeedsAdministratorKeepsFirstTime()
    {
        var signUp = Start();

        signUp.MarkNeedsAdministrator(Now.AddMinutes(1));
        signUp.MarkNeedsAdministrator(Now.AddMinutes(2));

        Assert.Equal(Now.AddMinutes(1), signUp.NeedsAdministratorSince);
    }

    [Fact]
    public void CompleteKeepsFirstTime()
    {
        var signUp = Start();

        signUp.Complete(Now.AddMinutes(1));
        signUp.Complete(Now.AddMinutes(2));

        Assert.Equal(Now.AddMinutes(1), signUp.CompletedAt);
    }
}
