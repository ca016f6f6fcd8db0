using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;

namespace WorkSights.Application.Notifications.GetNotificationPreferences;

/// <summary>The topics the signed-in person's role offers, each on or off (Personal settings).</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record GetNotificationPreferencesQuery : IQuery<IReadOnlyList<NotificationSettingDto>>;

public sealed record NotificationSettingDto(NotificationTopic Topic, bool IsOn);
