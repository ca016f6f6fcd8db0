using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;

namespace WorkSights.Domain.UnitTests.Tenants;

public sealed class CompanyDetailsTests
{
    private static CompanyDetails Create(
        string name = "Contoso",
        string industry = "Manufacturing",
        CompanySize size = CompanySize.UpTo10,
        string country = "fr",
        string timeZone = "Europe/Paris",
        int target = 80) =>
        new(name, industry, size, country, timeZone, WorkSchedule.StandardWeek, target);

    [Fact]
    public void ConstructorTrimsNameAndUppercasesCountry()
    {
        var details = Create(name: "  Contoso  ", country: "fr");

        Assert.Equal("Contoso", details.Name);
        Assert.Equal("FR", details.CountryCode);
        Assert.Equal("Europe/Paris", details.TimeZoneId);
        Assert.Equal(80, details.DefaultTargetPercent);
        Assert.Same(WorkSchedule.StandardWeek, details.DefaultSchedule);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(150)]
    public void ConstructorAcceptsTargetAtBounds(int target)
    {
        Assert.Equal(target, Create(target: target).DefaultTargetPercent);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(151)]
    [InlineData(0)]
    public void ConstructorThrowsGivenTargetOutOfRange(int target)
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(target: target));
    }

    [Fact]
    public void ConstructorThrowsGivenUnknownSize()
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(size: (CompanySize)99));
    }

    [Fact]
    public void ConstructorThrowsGivenThreeLetterCountry()
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(country: "FRA"));
    }

    [Fact]
    public void ConstructorThrowsGivenMissingName()
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(name: " "));
    }

    [Fact]
    public void ConstructorThrowsGivenOverlongName()
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(name: new string('x', 201)));
    }

    [Fact]
    public void ConstructorThrowsGivenMissingIndustry()
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(industry: ""));
    }

    [Fact]
    public void ConstructorThrowsGivenMissingTimeZone()
    {
        Assert.Throws<DomainRuleViolationException>(() => Create(timeZone: ""));
    }
}
