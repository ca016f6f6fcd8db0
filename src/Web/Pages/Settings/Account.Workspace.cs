using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Accounts.GetAccountSettings;
using WorkSights.Application.Accounts.SaveCompanyDetails;
using WorkSights.Application.Accounts.SetDataRetention;
using WorkSights.Application.Accounts.SetPrivacyMode;
using WorkSights.Application.Accounts.SetScoreVisibility;
using WorkSights.Domain.Privacy;
using WorkSights.Domain.Tenants;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings;

/// <summary>Account View's workspace sections: company details, score visibility, privacy mode and data retention.</summary>
public sealed partial class AccountModel
{
    /// <summary>The form whose post was refused: it shows what was posted, the others what is saved.</summary>
    private string? refusedForm;

    [BindProperty]
    public CompanyDetailsInput Company { get; set; } = new();

    [BindProperty]
    public ScoreVisibilityInput Visibility { get; set; } = new();

    [BindProperty]
    public RetentionInput Retention { get; set; } = new();

    [BindProperty]
    public PrivacyInput Privacy { get; set; } = new();

    /// <summary>Which workspace setting the last post changed: company, visibility, privacy or retention.</summary>
    [FromQuery(Name = "changed")]
    public string? Changed { get; set; }

    public AccountSettingsDto Workspace { get; private set; } = null!;

    public async Task<IActionResult> OnPostCompanyAsync(CancellationToken cancellationToken) =>
        await mediator.TrySendAsync(ModelState, nameof(Company), () => Company.ToCommand(), cancellationToken)
            ? RedirectToPage("/Settings/Account", null, new { changed = "company" }, "company-details")
            : await RefusedAsync(nameof(Company), cancellationToken);

    public async Task<IActionResult> OnPostVisibilityAsync(CancellationToken cancellationToken) =>
        await mediator.TrySendAsync(ModelState, nameof(Visibility), () => new SetScoreVisibilityCommand(Visibility.ShowScoresToMembers), cancellationToken)
            ? RedirectToPage("/Settings/Account", null, new { changed = "visibility" }, "score-visibility")
            : await RefusedAsync(nameof(Visibility), cancellationToken);

    public async Task<IActionResult> OnPostPrivacyAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Privacy.On && Privacy.MinimumGroupSize is null)
        {
            ModelState.AddModelError($"{nameof(Privacy)}.{nameof(PrivacyInput.MinimumGroupSize)}", "Enter the smallest group privacy mode shows.");
            return await RefusedAsync(nameof(Privacy), cancellationToken);
        }

        return await mediator.TrySendAsync(
            ModelState, nameof(Privacy), () => new SetPrivacyModeCommand(Privacy.On, Privacy.MinimumGroupSize ?? PrivacyMode.DefaultMinimumGroupSize), cancellationToken)
            ? RedirectToPage("/Settings/Account", null, new { changed = "privacy" }, "privacy-mode")
            : await RefusedAsync(nameof(Privacy), cancellationToken);
    }

    public async Task<IActionResult> OnPostRetentionAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Retention.Limited && Retention.Days is null)
        {
            ModelState.AddModelError($"{nameof(Retention)}.{nameof(RetentionInput.Days)}", "Enter how many days to keep activities.");
            return await RefusedAsync(nameof(Retention), cancellationToken);
        }

        return await mediator.TrySendAsync(ModelState, nameof(Retention), () => new SetDataRetentionCommand(Retention.Limited ? Retention.Days : null), cancellationToken)
            ? RedirectToPage("/Settings/Account", null, new { changed = "retention" }, "data-retention")
            : await RefusedAsync(nameof(Retention), cancellationToken);
    }

    /// <summary>Whatever handler ran, a page that is shown again shows the saved settings (a refused form keeps its values).</summary>
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is not null || executed.Result is not (null or PageResult))
        {
            return;
        }

        Workspace = await mediator.Send(new GetAccountSettingsQuery(), HttpContext.RequestAborted);
        if (refusedForm != nameof(Company))
        {
            Company = new CompanyDetailsInput
            {
                CompanyName = Workspace.CompanyName,
                PrimaryDomain = Workspace.PrimaryDomain,
                Industry = Workspace.Industry,
                Size = Workspace.Size,
                CountryCode = Workspace.CountryCode,
            };
        }

        if (refusedForm != nameof(Visibility))
        {
            Visibility = new ScoreVisibilityInput { ShowScoresToMembers = Workspace.ScoresVisibleToMembers };
        }

        if (refusedForm != nameof(Privacy))
        {
            Privacy = new PrivacyInput { On = Workspace.PrivacyModeOn, MinimumGroupSize = Workspace.MinimumGroupSize };
        }

        // A checkbox renders the posted value again, and one that is no boolean (only a forged post sends that) cannot
        // be rendered: it is dropped and the form says what it needs.
        DropForgedCheckbox($"{nameof(Visibility)}.{nameof(ScoreVisibilityInput.ShowScoresToMembers)}", nameof(Visibility), "Choose whether Members see scores.");
        DropForgedCheckbox($"{nameof(Privacy)}.{nameof(PrivacyInput.On)}", nameof(Privacy), "Choose whether privacy mode is on.");

        if (refusedForm != nameof(Retention))
        {
            Retention = new RetentionInput { Limited = Workspace.RetentionDays is not null, Days = Workspace.RetentionDays };
        }
    }

    private void DropForgedCheckbox(string checkbox, string form, string message)
    {
        if (ModelState.TryGetValue(checkbox, out var posted) && posted.ValidationState == ModelValidationState.Invalid)
        {
            ModelState.Remove(checkbox);
            ModelState.AddModelError(form, message);
        }
    }

    private async Task<PageResult> RefusedAsync(string form, CancellationToken cancellationToken)
    {
        refusedForm = form;
        await LoadThresholdsAsync(cancellationToken);
        await LoadCreditingAsync(fillForm: true, cancellationToken);
        return Page();
    }

    public sealed class CompanyDetailsInput
    {
        public string? CompanyName { get; set; }

        public string? PrimaryDomain { get; set; }

        public string? Industry { get; set; }

        public CompanySize? Size { get; set; }

        public string? CountryCode { get; set; }

        public SaveCompanyDetailsCommand ToCommand() =>
            new(CompanyName ?? string.Empty, PrimaryDomain ?? string.Empty, Industry ?? string.Empty, Size ?? 0, CountryCode ?? string.Empty);
    }

    public sealed class ScoreVisibilityInput
    {
        public bool ShowScoresToMembers { get; set; }
    }

    public sealed class PrivacyInput
    {
        public bool On { get; set; }

        public int? MinimumGroupSize { get; set; }
    }

    public sealed class RetentionInput
    {
        /// <summary>False keeps activities until the workspace is deleted.</summary>
        public bool Limited { get; set; }

        public int? Days { get; set; }
    }
}
