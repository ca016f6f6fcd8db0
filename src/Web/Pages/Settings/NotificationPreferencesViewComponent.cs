using Mediator;
using Microsoft.AspNetCore.Mvc;
using WorkSights.Application.Notifications.GetNotificationPreferences;

namespace WorkSights.Web.Pages.Settings;

/// <summary>The Personal page's section choosing which notifications the person gets.</summary>
public sealed class NotificationPreferencesViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await mediator.Send(new GetNotificationPreferencesQuery(), HttpContext.RequestAborted));
}
