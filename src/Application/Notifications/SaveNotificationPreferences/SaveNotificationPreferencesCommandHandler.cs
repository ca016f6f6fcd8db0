using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Notifications;

namespace WorkSights.Application.Notifications.SaveNotificationPreferences;

public sealed class SaveNotificationPreferencesCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveNotificationPreferencesCommand>
{
    public async ValueTask<Unit> Handle(SaveNotificationPreferencesCommand command, CancellationToken cancellationToken)
    {
        var (personId, role) = (currentUser.PersonId, currentUser.Role) is ({ } p, { } r) ? (p, r) : throw new ForbiddenAccessException("Sign in to a workspace to choose notifications.");
        var now = clock.GetUtcNow();
        var preferences = await db.NotificationPreferences.SingleOrDefaultAsync(n => n.PersonId == personId, cancellationToken);
        if (preferences is null)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new NotFoundException("Person");
            preferences = NotificationPreferences.For(person, now);
            db.NotificationPreferences.Add(preferences);
        }

        preferences.Keep(NotificationTopics.For(role), command.On.Distinct().ToList(), now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
