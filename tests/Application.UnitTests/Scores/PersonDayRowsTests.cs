using NodaTime;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.UnitTests.Scores;

/// <summary>The places of a person's day (what the Map shows): only where the person was, at city level.</summary>
public sealed class PersonDayRowsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly Guid PersonId = Guid.NewGuid();
    private static readonly IReadOnlySet<IsoDayOfWeek> Weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }.ToHashSet();
    private static readonly PersonCalendar London = new(
        DateTimeZoneProviders.Tzdb["Europe/London"], _ => new WorkSchedule(new LocalTime(9, 0), new LocalTime(17, 0), Weekdays, 80), _ => false);

    private static StoredActivity SignIn(int hour, string? city, double? latitude, double? longitude, bool fromCloudNetwork = false) =>
        new(Guid.NewGuid(), PersonId, ActivityKind.SignIn, new DateTimeOffset(Monday.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero), TimeSpan.FromMinutes(1), true, false, false, city, "GB", latitude, longitude, fromCloudNetwork);

    [Fact]
    public void PlacesLeaveOutCloudDatacentersAndUnlocatedItemsGivenMixedSignIns()
    {
        StoredActivity[] items =
        [
            SignIn(9, "London", 51.5, -0.13),
            SignIn(10, "London", 51.5, -0.13),
            SignIn(11, "Dublin", 53.35, -6.26, fromCloudNetwork: true),
            SignIn(12, "Amsterdam", 52.37, 4.9, fromCloudNetwork: true),
            SignIn(13, "Croydon", null, null),
            SignIn(14, null, 51.4, -0.1),
        ];

        var rows = PersonDayRows.Compute(TenantId, PersonId, London, Monday, items, CreditingTable.Default, keepEmpty: false);

        var place = Assert.Single(rows.Places);
        Assert.Equal(("London", 2), (place.City, place.ItemCount));
        Assert.Equal(6, rows.Day!.ItemsByHour.Total);
        Assert.Equal(6, rows.Day!.ItemCount);
    }
}
