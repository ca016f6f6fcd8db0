using Riok.Mapperly.Abstractions;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetImportedPeople;

[Mapper]
public static partial class PersonProjections
{
    [MapperIgnoreSource(nameof(Person.TenantId))]
    [MapperIgnoreSource(nameof(Person.ExternalId))]
    [MapperIgnoreSource(nameof(Person.ManagerExternalId))]
    [MapperIgnoreSource(nameof(Person.DirectoryDepartment))]
    [MapperIgnoreSource(nameof(Person.DirectoryJobTitle))]
    [MapperIgnoreSource(nameof(Person.DirectoryManagerExternalId))]
    [MapperIgnoreSource(nameof(Person.TeamOverride))]
    [MapperIgnoreSource(nameof(Person.PositionOverride))]
    [MapperIgnoreSource(nameof(Person.ManagerOverrideExternalId))]
    [MapperIgnoreSource(nameof(Person.ImportedAt))]
    [MapperIgnoreSource(nameof(Person.UpdatedAt))]
    [MapperIgnoreSource(nameof(Person.IsActiveAndUnblocked))]
    [MapperIgnoreSource(nameof(Person.IsOwnerWithAccess))]
    [MapperIgnoreSource(nameof(Person.AwaitsMailboxDecision))]
    public static partial ImportedPersonDto ToImportedPerson(this Person person);

    public static partial IQueryable<ImportedPersonDto> ProjectToImportedPerson(this IQueryable<Person> people);
}
