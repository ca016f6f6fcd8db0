using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Notifications;

namespace WorkSights.Application.Notifications.GetNotificationPreferences;

public sealed class GetNotificationPreferencesQueryHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetNotificationPreferencesQuery, IReadOnlyList<NotificationSettingDto>>
{
    public async ValueTask<IReadOnlyList<NotificationSettingDto>> Handle(GetNotificationPreferencesQuery query, CancellationToken cancellationToken)
    {
        var (personId, role) = (currentUser.PersonId, currentUser.Role) is ({ } p, { } r) ? (p, r) : throw new ForbiddenAccessException("Sign in to a workspace to choose notifications.");
        var preferences = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(n => n.PersonId == personId, cancellationToken);
        return [.. NotificationTopics.For(role).Select(topic => new NotificationSettingDto(topic, preferences?.IsOn(topic) ?? true))];
    }
}
