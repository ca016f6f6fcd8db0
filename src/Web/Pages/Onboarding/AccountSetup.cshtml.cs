using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Accounts;
using WorkSights.Application.Onboarding.GetAccountSetup;
using WorkSights.Application.Onboarding.SaveAccountSetup;
using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Onboarding;

public sealed class AccountSetupModel(IMediator mediator) : PageModel
{
    public static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty]
    public AccountSetupInput Input { get; set; } = new();

    /// <summary>True until the company details were first saved: the page is then the last step of signing up.</summary>
    public bool IsOnboarding { get; private set; }

    public static string Describe(CompanySize size) => CompanySizes.Words(size);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new GetAccountSetupQuery(), cancellationToken);
        IsOnboarding = !current.IsSetupComplete;
        Input = new AccountSetupInput
        {
            CompanyName = current.CompanyName,
            PrimaryDomain = current.PrimaryDomain,
            Industry = current.Industry,
            Size = current.Size,
            CountryCode = current.CountryCode,
            TimeZoneId = current.TimeZoneId,
            WorkDays = [.. current.WorkDays],
            ScheduleStart = current.ScheduleStart,
            ScheduleEnd = current.ScheduleEnd,
            DefaultTargetPercent = current.DefaultTargetPercent,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors("Enter a valid value.");

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        try
        {
            await mediator.Send(Input.ToCommand(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            ModelState.AddFailures(nameof(Input), ex);

            return await RedisplayAsync(cancellationToken);
        }
        catch (DomainRuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await RedisplayAsync(cancellationToken);
        }

        return RedirectToPage("/Settings/Users/Provisioning", new { saved = true });
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        IsOnboarding = !(await mediator.Send(new GetAccountSetupQuery(), cancellationToken)).IsSetupComplete;
        return Page();
    }

    public sealed class AccountSetupInput
    {
        public string? CompanyName { get; set; }

        public string? PrimaryDomain { get; set; }

        public string? Industry { get; set; }

        public CompanySize? Size { get; set; }

        public string? CountryCode { get; set; }

        public string? TimeZoneId { get; set; }

        public List<DayOfWeek> WorkDays { get; set; } = [];

        public TimeOnly ScheduleStart { get; set; } = new(9, 0);

        public TimeOnly ScheduleEnd { get; set; } = new(17, 0);

        public int DefaultTargetPercent { get; set; } = 80;

        public SaveAccountSetupCommand ToCommand() => new(
            CompanyName ?? string.Empty,
            PrimaryDomain ?? string.Empty,
            Industry ?? string.Empty,
            Size ?? 0,
            CountryCode ?? string.Empty,
            TimeZoneId ?? string.Empty,
            WorkDays,
            ScheduleStart,
            ScheduleEnd,
            DefaultTargetPercent);
    }
}
