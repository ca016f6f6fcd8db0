using WorkSights.Domain.Common;

namespace WorkSights.Domain.Tenants;

/// <summary>What an owner tells WorkSights about the company during Account Setup.</summary>
public sealed record CompanyDetails
{
    public CompanyDetails(
        string name,
        string industry,
        CompanySize size,
        string countryCode,
        string timeZoneId,
        WorkSchedule defaultSchedule,
        int defaultTargetPercent)
    {
        Name = Guard.Required(name, "Company name", 200);
        Industry = Guard.Required(industry, "Industry", 100);
        Size = Enum.IsDefined(size) ? size : throw new DomainRuleViolationException("Company size is not one of the offered ranges.");
        CountryCode = Guard.Required(countryCode, "Country", 2).ToUpperInvariant();
        TimeZoneId = Guard.Required(timeZoneId, "Time zone", 64);
        DefaultSchedule = defaultSchedule;
        DefaultTargetPercent = defaultTargetPercent is >= 10 and <= 150
            ? defaultTargetPercent
            : throw new DomainRuleViolationException("The default target must be between 10 % and 150 %.");
    }

    public string Name { get; }

    public string Industry { get; }

    public CompanySize Size { get; }

    public string CountryCode { get; }

    public string TimeZoneId { get; }

    public WorkSchedule DefaultSchedule { get; }

    public int DefaultTargetPercent { get; }
}
