using WorkSights.Application.Onboarding.SaveAccountSetup;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Common;

public sealed class SaveAccountSetupCommandValidatorTests
{
    private readonly SaveAccountSetupCommandValidator validator = new();

    internal static SaveAccountSetupCommand Valid() => new(
        "Contoso Ltd",
        "contoso.com",
        "Manufacturing",
        CompanySize.From51To200,
        "GB",
        "Europe/London",
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0),
        new TimeOnly(17, 0),
        80);

    private string[] FailingProperties(SaveAccountSetupCommand command) =>
        validator.Validate(command).Errors.Select(e => e.PropertyName).Distinct().ToArray();

    [Fact]
    public void ValidInputPasses()
    {
        var result = validator.Validate(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("gb")]
    [InlineData("US")]
    public void KnownCountryPassesInAnyCase(string code)
    {
        Assert.Empty(FailingProperties(Valid() with { CountryCode = code }));
    }

    [Theory]
    [InlineData("contoso")]
    [InlineData("-contoso.com")]
    [InlineData("contoso..com")]
    [InlineData("https://contoso.com")]
    [InlineData("contoso.c")]
    [InlineData("")]
    public void BadDomainFails(string domain)
    {
        Assert.Equal(["PrimaryDomain"], FailingProperties(Valid() with { PrimaryDomain = domain }));
    }

    [Theory]
    [InlineData("sub.contoso.co.uk")]
    [InlineData("my-company.io")]
    public void GoodDomainPasses(string domain)
    {
        Assert.Empty(FailingProperties(Valid() with { PrimaryDomain = domain }));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("GBR")]
    [InlineData("")]
    public void UnknownCountryFails(string code)
    {
        Assert.Equal(["CountryCode"], FailingProperties(Valid() with { CountryCode = code }));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void UnknownTimeZoneFails(string zone)
    {
        Assert.Equal(["TimeZoneId"], FailingProperties(Valid() with { TimeZoneId = zone }));
    }

    [Fact]
    public void EndBeforeStartFails()
    {
        Assert.Equal(["ScheduleEnd"], FailingProperties(Valid() with { ScheduleStart = new TimeOnly(17, 0), ScheduleEnd = new TimeOnly(9, 0) }));
    }

    [Fact]
    public void EndEqualToStartFails()
    {
        Assert.Equal(["ScheduleEnd"], FailingProperties(Valid() with { ScheduleEnd = new TimeOnly(9, 0) }));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(151)]
    public void TargetOutOfRangeFails(int target)
    {
        Assert.Equal(["DefaultTargetPercent"], FailingProperties(Valid() with { DefaultTargetPercent = target }));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(150)]
    public void TargetAtBoundsPasses(int target)
    {
        Assert.Empty(FailingProperties(Valid() with { DefaultTargetPercent = target }));
    }

    [Fact]
    public void NoWorkDaysFails()
    {
        Assert.Equal(["WorkDays"], FailingProperties(Valid() with { WorkDays = [] }));
    }

    [Fact]
    public void UnknownIndustryFails()
    {
        Assert.Equal(["Industry"], FailingProperties(Valid() with { Industry = "Piracy" }));
    }

    [Fact]
    public void UnknownSizeFails()
    {
        Assert.Equal(["Size"], FailingProperties(Valid() with { Size = (CompanySize)0 }));
    }

    [Fact]
    public void MissingCompanyNameFails()
    {
        Assert.Equal(["CompanyName"], FailingProperties(Valid() with { CompanyName = "" }));
    }
}
