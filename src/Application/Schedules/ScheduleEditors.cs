using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules;

/// <summary>
/// Who edits a person's schedule: the person themself, an Owner or a Technical Admin. Anyone else learns nothing, not
/// even that the person exists: a 404 like an id of another workspace.
/// </summary>
public static class ScheduleEditors
{
    public static async Task<Person> PersonTheyMayEditAsync(IApplicationDbContext db, ICurrentUser currentUser, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currentUser);
        var mayEdit = currentUser.PersonId == personId || currentUser.Role is PersonRole.Owner or PersonRole.TechnicalAdmin;
        var person = mayEdit ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
        return person ?? throw new NotFoundException("Person");
    }
}
