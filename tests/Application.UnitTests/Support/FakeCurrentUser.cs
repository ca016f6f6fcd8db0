using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>A signed-in person of the test's workspace (or, without <paramref name="personId"/>, only a role).</summary>
internal sealed class FakeCurrentUser(PersonRole? role, Guid? personId = null, string? address = null) : ICurrentUser
{
    public string? ExternalTenantId => null;

    public string? ObjectId => null;

    public Guid? PersonId => personId;

    public PersonRole? Role => role;

    public string? Address => address;
}
