using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetPerson;

[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetPersonQuery(Guid PersonId) : IQuery<ImportedPersonDto>;
