using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Activities;

public sealed class ActivityLocationTests
{
    private static ActivityRecord SignIn(ActivityLocation? location = null, string? clientIp = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), ActivityKind.SignIn, ActivitySource.EntraId, Now, TimeSpan.FromMinutes(1), "Outlook", 0, false, "signin-1")
        {
            Location = location,
            ClientIp = clientIp,
        };

    [Fact]
    public void KeepsTrimmedNamesAndCoordinates()
    {
        var location = new ActivityLocation(" Oslo ", "Oslo", "NO", 59.91, 10.75);

        Assert.Equal(("Oslo", "Oslo", "NO", 59.91, 10.75), (location.City, location.State, location.CountryOrRegion, location.Latitude!.Value, location.Longitude!.Value));
        Assert.True(location.IsKnown);
        Assert.True(location.HasCoordinates);
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-90.5, 0)]
    [InlineData(0, 180.1)]
    [InlineData(0, -181)]
    [InlineData(double.NaN, 0)]
    public void ThrowsGivenCoordinatesOffTheGlobe(double latitude, double longitude)
    {
        Assert.Throws<DomainRuleViolationException>(() => new ActivityLocation("x", null, null, latitude, longitude));
    }

    [Fact]
    public void ThrowsGivenOnlyOneCoordinate()
    {
        Assert.Throws<DomainRuleViolationException>(() => new ActivityLocation("Oslo", null, null, 59.9, null));
    }

    [Fact]
    public void CutsOverLongNamesInsteadOfRejectingTheItem()
    {
        var location = new ActivityLocation(new string('a', 500), null, null, null, null);

        Assert.Equal(ActivityLocation.MaximumNameLength, location.City!.Length);
    }

    [Fact]
    public void BlankNamesAreNotKnown()
    {
        Assert.False(new ActivityLocation(" ", "", null, null, null).IsKnown);
    }

    [Fact]
    public void ActivityKeepsLocationAndClientAddress()
    {
        var activity = Activity.Record(SignIn(new ActivityLocation("Lisbon", null, "PT", 38.72, -9.14), "203.0.113.9"), Now);

        Assert.Equal("Lisbon", activity.Location!.City);
        Assert.Equal("203.0.113.9", activity.ClientIp);
        Assert.True(activity.IsScored);
    }

    [Fact]
    public void ActivityDropsAnUnknownLocation()
    {
        var activity = Activity.Record(SignIn(new ActivityLocation(null, null, null, null, null)), Now);

        Assert.Null(activity.Location);
    }

    [Theory]
    [InlineData("198.51.100.7:50432", "198.51.100.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("not an address", null)]
    [InlineData("", null)]
    public void ActivityKeepsOnlyTheAddressOfAClientIp(string given, string? kept)
    {
        Assert.Equal(kept, Activity.Record(SignIn(clientIp: given), Now).ClientIp);
    }

    [Fact]
    public void MailboxAccessIsShownButNeverScored()
    {
        var record = SignIn() with { Kind = ActivityKind.MailboxAccess, Source = ActivitySource.Exchange, Duration = TimeSpan.Zero };

        var activity = Activity.Record(record, Now);

        Assert.False(activity.IsScored);
        Assert.Equal(ActivityCategory.Email, activity.Category);
    }

    [Theory]
    [InlineData("Microsoft Azure", "Microsoft Azure")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void ActivityKeepsTheCloudProviderItCameFromGivenAProviderName(string? given, string? kept)
    {
        var activity = Activity.Record(SignIn(new ActivityLocation("Boydton", "Virginia", "US", 36.67, -78.39)) with { CloudProvider = given }, Now);

        Assert.Equal((kept, "Boydton"), (activity.CloudProvider, activity.Location!.City));
    }

    [Fact]
    public void OverLongCloudProviderNameIsRefused() =>
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(SignIn() with { CloudProvider = new string('x', Activity.MaximumCloudProviderLength + 1) }, Now));
}
