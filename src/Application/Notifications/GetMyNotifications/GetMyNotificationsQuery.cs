using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;

namespace WorkSights.Application.Notifications.GetMyNotifications;

/// <summary>
/// What needs the signed-in person's attention now, one line a topic their role offers and they kept on: WorkSights has
/// no e-mail of its own, so these are shown on the Notifications page and counted beside the menu's link to it.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record GetMyNotificationsQuery : IQuery<IReadOnlyList<NotificationDto>>;

/// <param name="Count">How many findings, corrections, people or connections the topic has now (at least 1).</param>
public sealed record NotificationDto(NotificationTopic Topic, int Count);
