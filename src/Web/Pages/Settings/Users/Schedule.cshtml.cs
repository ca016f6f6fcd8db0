using Mediator;
using WorkSights.Web.Pages.Settings.Schedules;

namespace WorkSights.Web.Pages.Settings.Users;

/// <summary>A person's schedule tab, as an Owner or Technical Admin edits it.</summary>
public sealed class ScheduleModel(IMediator mediator) : PersonScheduleModel(mediator)
{
    protected override Guid? PersonId => RouteData.Values["id"] is string id && Guid.TryParse(id, out var personId) ? personId : null;
}
