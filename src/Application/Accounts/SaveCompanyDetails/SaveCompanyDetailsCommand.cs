using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.SaveCompanyDetails;

/// <summary>An Owner corrects the company's name, domain, industry, size or country on Account View.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SaveCompanyDetailsCommand(string CompanyName, string PrimaryDomain, string Industry, CompanySize Size, string CountryCode) : ICommand;
