using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Directory.GetManagedPerson;

public sealed class GetManagedPersonQueryHandler(IApplicationDbContext db) : IQueryHandler<GetManagedPersonQuery, ManagedPersonDto>
{
    public async ValueTask<ManagedPersonDto> Handle(GetManagedPersonQuery query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        return await people.Where(p => p.Id == query.PersonId)
            .Select(p => new ManagedPersonDto(
                p.Id,
                p.DisplayName,
                p.Email,
                p.JobTitle,
                p.DirectoryJobTitle,
                p.PositionOverride,
                p.Department,
                p.DirectoryDepartment,
                p.TeamOverride,
                people.Where(m => m.ExternalId == p.ManagerExternalId).Select(m => m.DisplayName).FirstOrDefault(),
                people.Where(m => m.ExternalId == p.DirectoryManagerExternalId).Select(m => m.DisplayName).FirstOrDefault(),
                people.Where(m => m.ExternalId == p.ManagerOverrideExternalId).Select(m => m.Email).FirstOrDefault(),
                p.Role,
                p.HasLoginAccess,
                p.ProvisioningState,
                p.Status))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Person");
    }
}
