using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Observers.GetObserverThresholds;
using WorkSights.Application.Observers.SaveObserverThresholds;
using WorkSights.Domain.Common;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings;

public sealed class AccountModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ObserverThresholdsInput Thresholds { get; set; } = new();

    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new GetObserverThresholdsQuery(), cancellationToken);
        Thresholds = new ObserverThresholdsInput
        {
            OverloadDays = current.OverloadDays,
            VeryLightDays = current.VeryLightDays,
            AfterHoursWeeks = current.AfterHoursWeeks,
            MeetingSharePercent = current.MeetingSharePercent,
            FocusMinutes = current.FocusMinutes,
            NoFocusDays = current.NoFocusDays,
        };
    }

    public async Task<IActionResult> OnPostThresholdsAsync(CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors("Enter a whole number.");

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await mediator.Send(Thresholds.ToCommand(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            ModelState.AddFailures(nameof(Thresholds), ex);

            return Page();
        }
        catch (DomainRuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }

        return RedirectToPage("/Settings/Account", null, new { saved = true }, "observer-thresholds");
    }

    public sealed class ObserverThresholdsInput
    {
        public int OverloadDays { get; set; }

        public int VeryLightDays { get; set; }

        public int AfterHoursWeeks { get; set; }

        public int MeetingSharePercent { get; set; }

        public int FocusMinutes { get; set; }

        public int NoFocusDays { get; set; }

        public SaveObserverThresholdsCommand ToCommand() =>
            new(OverloadDays, VeryLightDays, AfterHoursWeeks, MeetingSharePercent, FocusMinutes, NoFocusDays);
    }
}
