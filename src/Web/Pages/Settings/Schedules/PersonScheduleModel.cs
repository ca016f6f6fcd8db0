using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Schedules.AddCustomSchedule;
using WorkSights.Application.Schedules.GetPersonSchedule;
using WorkSights.Application.Schedules.RemoveCustomSchedule;
using WorkSights.Application.Schedules.SavePersonSchedule;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings.Schedules;

/// <summary>
/// A person's schedule tab, edited by the person (Personal settings) or by an Owner or Technical Admin (their page under
/// Users): their schedule, target, region and time zone, and custom schedules for date ranges.
/// </summary>
public abstract class PersonScheduleModel(IMediator mediator) : PageModel
{
    public PersonScheduleDto Schedule { get; private set; } = null!;

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    [BindProperty]
    public CustomInput Custom { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whose schedule the page shows.</summary>
    protected abstract Guid? PersonId { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PersonId is null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        Settings = new SettingsInput
        {
            NamedScheduleId = Schedule.NamedScheduleId,
            TargetPercent = Schedule.TargetPercent,
            HolidayRegion = Schedule.HolidayRegion,
            TimeZoneId = Schedule.TimeZoneId,
        };
        var monday = Schedule.ThisWeek[0].Date;
        Custom = new CustomInput { Label = "Vacation", From = monday.AddDays(7), To = monday.AddDays(11), Week = WeekInput.Of(Domain.Schedules.WeekPlan.AllOff) };
        return Page();
    }

    public Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken) =>
        SendAsync(
            nameof(Settings),
            () => new SavePersonScheduleCommand(
                PersonId!.Value, Settings.NamedScheduleId, Settings.TargetPercent, Blank(Settings.HolidayRegion), Blank(Settings.TimeZoneId)),
            "Schedule saved. Past days are being recalculated.",
            cancellationToken);

    public Task<IActionResult> OnPostCustomAsync(CancellationToken cancellationToken) =>
        SendAsync(
            nameof(Custom),
            () => new AddCustomScheduleCommand(
                PersonId!.Value, Custom.Label ?? string.Empty, Custom.From ?? default, Custom.To ?? default, Custom.Week.ToWeek()),
            $"\u201c{Custom.Label}\u201d added.",
            cancellationToken);

    public Task<IActionResult> OnPostRemoveCustomAsync(Guid customId, CancellationToken cancellationToken) =>
        SendAsync("Removal", () => new RemoveCustomScheduleCommand(customId), "Custom schedule removed.", cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<IActionResult> SendAsync(string form, Func<object> command, string notice, CancellationToken cancellationToken)
    {
        if (PersonId is null)
        {
            return NotFound();
        }

        if (await mediator.TrySendAsync(ModelState, form, command, cancellationToken))
        {
            Notice = notice;
            return Redirect($"{Request.Path}#schedule");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Schedule = await mediator.Send(new GetPersonScheduleQuery(PersonId!.Value), cancellationToken);

    public sealed class SettingsInput
    {
        public Guid? NamedScheduleId { get; set; }

        public int? TargetPercent { get; set; }

        public string? HolidayRegion { get; set; }

        public string? TimeZoneId { get; set; }
    }

    public sealed class CustomInput
    {
        public string? Label { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public WeekInput Week { get; set; } = new();
    }
}
