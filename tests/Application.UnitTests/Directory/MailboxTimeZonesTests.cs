using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportWorkSettings;

namespace WorkSights.Application.UnitTests.Directory;

public sealed class MailboxTimeZonesTests
{
    [Theory]
    [InlineData("Pacific Standard Time", "en-US", "America/Los_Angeles")]
    [InlineData("Eastern Standard Time", "en-CA", "America/Toronto")]
    [InlineData("Eastern Standard Time", null, "America/New_York")]
    [InlineData("W. Europe Standard Time", "de-DE", "Europe/Berlin")]
    [InlineData("W. Europe Standard Time", "fr", "Europe/Berlin")]
    [InlineData("GMT Standard Time", "en-GB", "Europe/London")]
    [InlineData("India Standard Time", "en-IN", "Asia/Kolkata")]
    [InlineData("AUS Eastern Standard Time", "en-AU", "Australia/Sydney")]
    [InlineData("Europe/Berlin", "en-US", "Europe/Berlin")]
    [InlineData("Asia/Calcutta", null, "Asia/Kolkata")]
    [InlineData(" America/Chicago ", null, "America/Chicago")]
    public void ReturnsTheIanaZoneGivenAWindowsOrIanaName(string name, string? locale, string expected) =>
        Assert.Equal(expected, MailboxTimeZones.ToIana(name, locale));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Customized Time Zone")]
    public void ReturnsNullGivenNoNameOrACustomZone(string? name) =>
        Assert.Null(MailboxTimeZones.ToIana(name, "en-US"));

    [Fact]
    public void KeepsOutlooksWorkDaysAndHoursInTheWorkingHoursZoneGivenASnapshot()
    {
        var snapshot = new MailboxSettingsSnapshot(
            "Pacific Standard Time", "en-US", ["monday", "tuesday", "saturday", "someday"], new TimeOnly(9, 0), new TimeOnly(18, 30), "Customized Time Zone");

        var workTime = ImportWorkSettingsCommandHandler.ToWorkTime(snapshot);

        Assert.Equal("America/Los_Angeles", workTime.TimeZoneId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Saturday], workTime.WorkDays.Order());
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 30)), (workTime.Start, workTime.End));
        Assert.Equal("America/Los_Angeles", workTime.WorkingHoursTimeZoneId);
    }
}
