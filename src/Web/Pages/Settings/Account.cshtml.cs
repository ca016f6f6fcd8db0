using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Observers.GetObserverThresholds;
using WorkSights.Application.Observers.SaveObserverThresholds;
using WorkSights.Application.Scores;
using WorkSights.Application.Scores.GetCreditingTable;
using WorkSights.Application.Scores.ResetCreditingTable;
using WorkSights.Application.Scores.SaveCreditingTable;
using WorkSights.Domain.Common;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings;

public sealed partial class AccountModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ObserverThresholdsInput Thresholds { get; set; } = new();

    [BindProperty]
    public CreditingTableInput Crediting { get; set; } = new();

    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    /// <summary>What the last change of the crediting table did: saved, reset or unchanged.</summary>
    [FromQuery(Name = "crediting")]
    public string? CreditingOutcome { get; set; }

    /// <summary>The table in force, read on every answer (the form may show values that were refused).</summary>
    public CreditingTableDto CreditingInForce { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadThresholdsAsync(cancellationToken);
        await LoadCreditingAsync(fillForm: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostThresholdsAsync(CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors("Enter a whole number.");

        if (!ModelState.IsValid)
        {
            await LoadCreditingAsync(fillForm: true, cancellationToken);
            return Page();
        }

        try
        {
            await mediator.Send(Thresholds.ToCommand(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            ModelState.AddFailures(nameof(Thresholds), ex);
            await LoadCreditingAsync(fillForm: true, cancellationToken);
            return Page();
        }
        catch (DomainRuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadCreditingAsync(fillForm: true, cancellationToken);
            return Page();
        }

        return RedirectToPage("/Settings/Account", null, new { saved = true }, "observer-thresholds");
    }

    public async Task<IActionResult> OnPostCreditingAsync(CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors("Enter a whole number.");

        if (!ModelState.IsValid)
        {
            return await CreditingRefusedAsync(cancellationToken);
        }

        CreditingTableSaved result;
        try
        {
            result = await mediator.Send(Crediting.ToCommand(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            ModelState.AddFailures(nameof(Crediting), ex);
            return await CreditingRefusedAsync(cancellationToken);
        }

        return RedirectToPage("/Settings/Account", null, new { crediting = result.Changed ? "saved" : "unchanged" }, "scoring");
    }

    public async Task<IActionResult> OnPostResetCreditingAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ResetCreditingTableCommand(), cancellationToken);
        return RedirectToPage("/Settings/Account", null, new { crediting = result.Changed ? "reset" : "unchanged" }, "scoring");
    }

    private async Task<IActionResult> CreditingRefusedAsync(CancellationToken cancellationToken)
    {
        await LoadThresholdsAsync(cancellationToken);
        await LoadCreditingAsync(fillForm: false, cancellationToken);
        return Page();
    }

    private async Task LoadThresholdsAsync(CancellationToken cancellationToken)
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

    private async Task LoadCreditingAsync(bool fillForm, CancellationToken cancellationToken)
    {
        CreditingInForce = await mediator.Send(new GetCreditingTableQuery(), cancellationToken);
        if (fillForm)
        {
            Crediting = new CreditingTableInput
            {
                SentEmailMinutes = CreditingInForce.SentEmailMinutes,
                CalendarResponseMinutes = CreditingInForce.CalendarResponseMinutes,
                ChatMessageMinutes = CreditingInForce.ChatMessageMinutes,
                FileActionMinutes = CreditingInForce.FileActionMinutes,
                SignInMinutes = CreditingInForce.SignInMinutes,
                MaximumScoredHours = CreditingInForce.MaximumScoredHours,
            };
        }
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

    public sealed class CreditingTableInput
    {
        public int SentEmailMinutes { get; set; }

        public int CalendarResponseMinutes { get; set; }

        public int ChatMessageMinutes { get; set; }

        public int FileActionMinutes { get; set; }

        public int SignInMinutes { get; set; }

        public int MaximumScoredHours { get; set; }

        public SaveCreditingTableCommand ToCommand() =>
            new(SentEmailMinutes, CalendarResponseMinutes, ChatMessageMinutes, FileActionMinutes, SignInMinutes, MaximumScoredHours);
    }
}
