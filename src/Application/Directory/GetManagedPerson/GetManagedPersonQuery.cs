using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetManagedPerson;

/// <summary>A person's page under Users: what the directory says, what WorkSights overrides, and what is in effect.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetManagedPersonQuery(Guid PersonId) : IQuery<ManagedPersonDto>;
