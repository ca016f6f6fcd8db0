using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Application.Onboarding.RequestAdminConsent;

namespace WorkSights.Application.UnitTests.Common;

public sealed class OtherValidatorTests
{
    private const string TenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    [Fact]
    public void CompleteSignInValidatorPassesGivenValidSignIn()
    {
        Assert.True(new CompleteSignInCommandValidator().Validate(new CompleteSignInCommand(TenantId, "oid", "ada@contoso.com", "Ada", SignInIntent.SignUp)).IsValid);
    }

    [Fact]
    public void CompleteSignInValidatorFailsGivenTenantThatIsNotAGuid()
    {
        var result = new CompleteSignInCommandValidator().Validate(new CompleteSignInCommand("contoso", "oid", "ada@contoso.com", "Ada", SignInIntent.SignUp));

        Assert.Equal("ExternalTenantId", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void CompleteSignInValidatorFailsGivenMissingEmailAndUnknownIntent()
    {
        var result = new CompleteSignInCommandValidator().Validate(new CompleteSignInCommand(TenantId, "oid", "", "Ada", (SignInIntent)9));

        Assert.Equal(["Email", "Intent"], result.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public void RequestAdminConsentValidatorFailsGivenNoSignedInPerson()
    {
        var result = new RequestAdminConsentCommandValidator().Validate(new RequestAdminConsentCommand("", ""));

        Assert.Equal(["ExternalTenantId", "ObjectId"], result.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public void GetImportedPeopleValidatorFailsGivenOverlongSearch()
    {
        var result = new GetImportedPeopleQueryValidator().Validate(new GetImportedPeopleQuery(null, new string('a', 101)));

        Assert.Equal("Search", Assert.Single(result.Errors).PropertyName);
    }
}
