using WorkSights.Domain.Common;
using WorkSights.Domain.Onboarding;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Onboarding;

public sealed class ConsentRequestTests
{
    private const string TenantId = "7b1f2c1e-0000-4000-8000-00000000aaaa";
    private const string ObjectId = "0d5c7a10-0000-4000-8000-00000000bbbb";

    private static ConsentRequest Start() => ConsentRequest.Start("HASH", TenantId.ToUpperInvariant(), ObjectId.ToUpperInvariant(), Now);

    [Fact]
    public void StartStoresLowercasedIdsAndHash()
    {
        var request = Start();

        Assert.Equal("HASH", request.StateHash);
        Assert.Equal(TenantId, request.ExternalTenantId);
        Assert.Equal(ObjectId, request.RequestedByObjectId);
        Assert.Equal(Now, request.CreatedAt);
        Assert.Null(request.UsedAt);
    }

    [Fact]
    public void StartThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => ConsentRequest.Start("HASH", TenantId, ObjectId, NotUtc));
    }

    [Fact]
    public void StartThrowsGivenMissingState()
    {
        Assert.Throws<DomainRuleViolationException>(() => ConsentRequest.Start("", TenantId, ObjectId, Now));
    }

    [Fact]
    public void RedeemReturnsValidAndMarksUsedGivenFirstUse()
    {
        var request = Start();

        var verdict = request.Redeem(TenantId, ObjectId, TenantId, Now.AddMinutes(1));

        Assert.Equal(ConsentCallbackVerdict.Valid, verdict);
        Assert.Equal(Now.AddMinutes(1), request.UsedAt);
    }

    [Fact]
    public void RedeemReturnsAlreadyUsedGivenSecondUse()
    {
        var request = Start();
        request.Redeem(TenantId, ObjectId, TenantId, Now.AddMinutes(1));

        var verdict = request.Redeem(TenantId, ObjectId, TenantId, Now.AddMinutes(2));

        Assert.Equal(ConsentCallbackVerdict.AlreadyUsed, verdict);
        Assert.Equal(Now.AddMinutes(1), request.UsedAt);
    }

    [Fact]
    public void RedeemReturnsValidGivenExactlyThirtyMinutes()
    {
        Assert.Equal(ConsentCallbackVerdict.Valid, Start().Redeem(TenantId, ObjectId, null, Now.AddMinutes(30)));
    }

    [Fact]
    public void RedeemReturnsExpiredAfterThirtyMinutes()
    {
        var request = Start();

        var verdict = request.Redeem(TenantId, ObjectId, TenantId, Now.AddMinutes(30).AddSeconds(1));

        Assert.Equal(ConsentCallbackVerdict.Expired, verdict);
        Assert.Null(request.UsedAt);
    }

    [Fact]
    public void RedeemReturnsNotTheRequesterGivenOtherPerson()
    {
        var request = Start();

        Assert.Equal(ConsentCallbackVerdict.NotTheRequester, request.Redeem(TenantId, "someone-else", TenantId, Now));
        Assert.Null(request.UsedAt);
    }

    [Fact]
    public void RedeemReturnsNotTheRequesterGivenOtherSignedInTenant()
    {
        Assert.Equal(ConsentCallbackVerdict.NotTheRequester, Start().Redeem("other-tenant", ObjectId, TenantId, Now));
    }

    [Fact]
    public void RedeemReturnsTenantMismatchGivenAnswerFromOtherOrganisation()
    {
        var request = Start();

        Assert.Equal(ConsentCallbackVerdict.TenantMismatch, request.Redeem(TenantId, ObjectId, "other-tenant", Now));
        Assert.Null(request.UsedAt);
    }

    [Fact]
    public void RedeemReturnsValidGivenNoAnsweringTenant()
    {
        Assert.Equal(ConsentCallbackVerdict.Valid, Start().Redeem(TenantId, ObjectId, null, Now));
    }

    [Fact]
    public void RedeemComparesIdsCaseInsensitively()
    {
        var request = ConsentRequest.Start("HASH", TenantId, ObjectId, Now);

        var verdict = request.Redeem(TenantId.ToUpperInvariant(), ObjectId.ToUpperInvariant(), TenantId.ToUpperInvariant(), Now);

        Assert.Equal(ConsentCallbackVerdict.Valid, verdict);
    }
}
