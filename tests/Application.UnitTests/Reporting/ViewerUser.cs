using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

internal sealed class ViewerUser(Person person) : ICurrentUser
{
    public string? ExternalTenantId => null;

    public string? ObjectId => person.ExternalId;

    public Guid? PersonId => person.Id;

    public PersonRole? Role => person.Role;
}
