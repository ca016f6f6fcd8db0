using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Notifications.GetMyNotifications;
using WorkSights.Application.Notifications.SaveNotificationPreferences;
using WorkSights.Domain.Notifications;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages;

/// <summary>What needs the signed-in person's attention now; the menu shows their count, and Personal settings chooses the topics.</summary>
public sealed class NotificationsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<NotificationDto> Notifications { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = await mediator.Send(new GetMyNotificationsQuery(), cancellationToken);

    /// <summary>The number beside the menu's link, fetched by the menu's script after a page has loaded.</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken)
    {
        var notifications = await mediator.Send(new GetMyNotificationsQuery(), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { count = notifications.Count });
    }

    /// <summary>Personal settings' notification choices: the ticked topics stay on, the others are turned off.</summary>
    public async Task<IActionResult> OnPostPreferencesAsync([FromForm(Name = "on")] List<NotificationTopic>? on, CancellationToken cancellationToken)
    {
        // A refused choice (a topic the role is not offered, an unknown one) can only come from a forged form: no page to show it on.
        if (!await mediator.TrySendAsync(ModelState, "on", () => new SaveNotificationPreferencesCommand(on ?? []), cancellationToken))
        {
            return BadRequest();
        }

        Notice = "Your notification choices are saved.";
        return Redirect("/Settings/Personal#notifications");
    }
}
