using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.GetImportedPeople;

namespace WorkSights.Application.Directory.GetPerson;

public sealed class GetPersonQueryHandler(IApplicationDbContext db) : IQueryHandler<GetPersonQuery, ImportedPersonDto>
{
    public async ValueTask<ImportedPersonDto> Handle(GetPersonQuery query, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => p.Id == query.PersonId).ProjectToImportedPerson().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Person");
}
