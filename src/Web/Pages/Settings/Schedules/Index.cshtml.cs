using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Schedules.DeleteNamedSchedule;
using WorkSights.Application.Schedules.GetWorkspaceSchedules;
using WorkSights.Application.Schedules.SaveDefaultSchedule;
using WorkSights.Application.Schedules.SaveHolidayRegions;
using WorkSights.Application.Schedules.SaveNamedSchedule;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings.Schedules;

/// <summary>The Account View's schedules: the workspace default, the holidays it observes and its named schedules.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public WorkspaceSchedulesDto Current { get; private set; } = null!;

    [BindProperty]
    public DefaultScheduleInput Default { get; set; } = new();

    [BindProperty]
    public HolidaysInput Holidays { get; set; } = new();

    [BindProperty]
    public NamedScheduleInput Named { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The named schedule whose form failed, so that it opens again with its errors.</summary>
    public Guid? FailedScheduleId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Default = new DefaultScheduleInput
        {
            WorkDays = [.. Current.WorkDays],
            Start = Current.Start,
            End = Current.End,
            TargetPercent = Current.TargetPercent,
            TimeZoneId = Current.TimeZoneId,
        };
        Holidays = new HolidaysInput { Regions = [.. Current.ObservedRegions], DefaultRegion = Current.DefaultRegion };
    }

    public Task<IActionResult> OnPostDefaultAsync(CancellationToken cancellationToken) =>
        SendAsync(
            nameof(Default),
            () => new SaveDefaultScheduleCommand(Default.WorkDays, Default.Start ?? default, Default.End ?? default, Default.TargetPercent ?? 0, Default.TimeZoneId ?? string.Empty),
            "Default schedule saved. Everyone on it is being recalculated.",
            "default-schedule",
            cancellationToken);

    public Task<IActionResult> OnPostHolidaysAsync(CancellationToken cancellationToken) =>
        SendAsync(
            nameof(Holidays),
            () => new SaveHolidayRegionsCommand(Holidays.Regions, string.IsNullOrEmpty(Holidays.DefaultRegion) ? null : Holidays.DefaultRegion),
            "Holidays saved. Scores are being recalculated.",
            "holidays",
            cancellationToken);

    public Task<IActionResult> OnPostNamedAsync(CancellationToken cancellationToken) =>
        SendAsync(
            nameof(Named),
            () => new SaveNamedScheduleCommand(Named.Id, Named.Name ?? string.Empty, Named.Week.ToWeek()),
            Named.Id is null ? $"Schedule \u201c{Named.Name}\u201d added." : $"Schedule \u201c{Named.Name}\u201d saved. The people on it are being recalculated.",
            "named-schedules",
            cancellationToken);

    public Task<IActionResult> OnPostDeleteNamedAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync("Removal", () => new DeleteNamedScheduleCommand(id), "Schedule removed. The people on it are back on their default hours.", "named-schedules", cancellationToken);

    public static string RegionName(string code) =>
        Application.Schedules.HolidayRegions.Names.TryGetValue(code, out var name) ? name : code;

    private async Task<IActionResult> SendAsync(string form, Func<object> command, string notice, string fragment, CancellationToken cancellationToken)
    {
        if (await mediator.TrySendAsync(ModelState, form, command, cancellationToken))
        {
            Notice = notice;
            return RedirectToPage("/Settings/Schedules/Index", null, null, fragment);
        }

        if (form == nameof(Named))
        {
            FailedScheduleId = Named.Id ?? Guid.Empty;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Current = await mediator.Send(new GetWorkspaceSchedulesQuery(), cancellationToken);

    public sealed class DefaultScheduleInput
    {
        public List<DayOfWeek> WorkDays { get; set; } = [];

        public TimeOnly? Start { get; set; }

        public TimeOnly? End { get; set; }

        public int? TargetPercent { get; set; }

        public string? TimeZoneId { get; set; }
    }

    public sealed class HolidaysInput
    {
        public List<string> Regions { get; set; } = [];

        public string? DefaultRegion { get; set; }
    }

    public sealed class NamedScheduleInput
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public WeekInput Week { get; set; } = new();
    }
}
