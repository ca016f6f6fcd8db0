using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Support;

internal sealed class FakeCurrentUser(PersonRole? role) : ICurrentUser
{
    public string? ExternalTenantId => null;

    public string? ObjectId => null;

    public Guid? PersonId => null;

    public PersonRole? Role => role;
}
