using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;

namespace WorkSights.Application.Notifications.SaveNotificationPreferences;

/// <summary>The signed-in person keeps <paramref name="On"/> of the topics their role offers on, and turns the rest off.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record SaveNotificationPreferencesCommand(IReadOnlyList<NotificationTopic> On) : ICommand;
