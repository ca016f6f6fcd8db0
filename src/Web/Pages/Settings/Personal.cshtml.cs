using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Web.Pages.Settings.Schedules;

namespace WorkSights.Web.Pages.Settings;

/// <summary>The signed-in person's own settings, with their schedule tab.</summary>
public sealed class PersonalModel(IMediator mediator, ICurrentUser currentUser) : PersonScheduleModel(mediator)
{
    protected override Guid? PersonId => currentUser.PersonId;
}
