using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Directory.DecideConvertedMailbox;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Directory.GetNotImportedIdentities;
using WorkSights.Application.Directory.ImportAnyway;
using WorkSights.Application.Directory.ReviewProvisioning;
using WorkSights.Application.Directory.SetJoinerAcceptance;
using WorkSights.Application.Directory.UndoImportAnyway;
using WorkSights.Domain.People;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings.Users;

public sealed class ProvisioningModel(IMediator mediator) : PageModel
{
    private const int PageSize = 50;

    /// <summary>The <c>view</c> that lists the guests and shared, room and equipment mailboxes instead of the people.</summary>
    public const string NotImportedView = "not-imported";

    public ImportedPeopleDto Result { get; private set; } = null!;

    /// <summary>The "Not imported" tab's page, when it is the one shown.</summary>
    public PagedList<NotImportedIdentityDto>? NotImported { get; private set; }

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    [BindProperty]
    public JoinersInput Joiners { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    [FromQuery(Name = "state")]
    public ProvisioningState? State { get; set; }

    [FromQuery(Name = "search")]
    public string? Search { get; set; }

    [FromQuery(Name = "view")]
    public string? View { get; set; }

    public bool ShowsNotImported => string.Equals(View, NotImportedView, StringComparison.Ordinal);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    /// <summary>The person imported anyway whose "Back to Not imported" waits for confirmation.</summary>
    [FromQuery(Name = "undo")]
    public Guid? UndoPersonId { get; set; }

    /// <summary>The form keys under which the single-row actions put their errors.</summary>
    public const string ImportAnywayForm = "ImportAnyway";

    public const string MailboxForm = "ConvertedMailbox";

    /// <summary>What a single-row action (Import anyway, its undo, a converted mailbox's choice) was refused for, or forged values.</summary>
    public IReadOnlyList<string> RowActionErrors =>
        [.. ModelState.Where(e => !e.Key.StartsWith(nameof(Review), StringComparison.Ordinal) && !e.Key.StartsWith(nameof(Joiners), StringComparison.Ordinal))
            .SelectMany(e => e.Value!.Errors).Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Enter a valid value." : e.ErrorMessage).Distinct()];

    /// <summary>Why another page than the one asked for is shown.</summary>
    public string? PageProblem { get; private set; }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["view"] = ShowsNotImported ? NotImportedView : null,
            ["state"] = ShowsNotImported ? null : State?.ToString(),
            ["search"] = Search,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        return await LoadAsync(cancellationToken) ? Page() : BadRequest();
    }

    /// <summary>Changes the ticked identities, or every identity of this view, and comes back to the same view.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        var filter = new ProvisioningFilter(State, string.IsNullOrWhiteSpace(Search) ? null : Search.Trim());
        var (sent, changed) = await mediator.TrySendForResultAsync(
            ModelState,
            nameof(Review),
            () => new ReviewProvisioningCommand(Review.AllMatching ? [] : Review.PersonIds, Review.AllMatching ? filter : null, Review.State, Review.LinkTargetEmail),
            cancellationToken);
        if (!sent)
        {
            return await LoadAsync(cancellationToken) ? Page() : BadRequest();
        }

        var now = Review.State == ProvisioningState.Link ? $"linked to {Review.LinkTargetEmail?.Trim().ToLowerInvariant()}" : PeopleWords.Of(Review.State);
        Notice = changed switch
        {
            0 => "Nothing changed: they were all in that state already.",
            1 => $"1 identity is now {now}.",
            _ => $"{changed:N0} identities are now {now}.",
        };
        return Redirect($"/Settings/Users/Provisioning{PageLink(PageNumber)}");
    }

    /// <summary>An Owner turns "Accept joiners automatically" on or off (audited); a Technical Admin is refused by the command.</summary>
    public async Task<IActionResult> OnPostJoinersAsync(CancellationToken cancellationToken)
    {
        if (!await mediator.TrySendAsync(ModelState, nameof(Joiners), () => new SetJoinerAcceptanceCommand(Joiners.AcceptAutomatically), cancellationToken))
        {
            return await LoadAsync(cancellationToken) ? Page() : BadRequest();
        }

        Notice = Joiners.AcceptAutomatically
            ? "Joiners are now accepted automatically: people who join your directory from now on are imported as Already linked."
            : "Joiners now wait for your review: people who join your directory from now on arrive as New.";
        return Redirect($"/Settings/Users/Provisioning{PageLink(PageNumber)}");
    }

    /// <summary>"Import anyway" on a row of Not imported: the identity becomes a New person (audited).</summary>
    public async Task<IActionResult> OnPostImportAnywayAsync(Guid identityId, CancellationToken cancellationToken)
    {
        if (!await mediator.TrySendAsync(ModelState, ImportAnywayForm, () => new ImportAnywayCommand(identityId), cancellationToken))
        {
            return await LoadAsync(cancellationToken) ? Page() : BadRequest();
        }

        Notice = "Imported anyway: it is now a New identity, read and reported from the next sync. Later syncs keep it imported.";
        return Redirect($"/Settings/Users/Provisioning{PageLink(PageNumber)}");
    }

    /// <summary>"Back to Not imported", once confirmed: the person imported anyway goes back, with everything read of it removed.</summary>
    public async Task<IActionResult> OnPostUndoImportAnywayAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!await mediator.TrySendAsync(ModelState, ImportAnywayForm, () => new UndoImportAnywayCommand(personId), cancellationToken))
        {
            return await LoadAsync(cancellationToken) ? Page() : BadRequest();
        }

        Notice = "Back to Not imported: its activity and days are removed, and nothing more of it is read.";
        return Redirect($"/Settings/Users/Provisioning{PageLink(PageNumber)}");
    }

    /// <summary>Keep or stop reporting a person whose mailbox became shared, a room or equipment.</summary>
    public async Task<IActionResult> OnPostConvertedMailboxAsync(Guid personId, bool keepReporting, CancellationToken cancellationToken)
    {
        if (!await mediator.TrySendAsync(ModelState, MailboxForm, () => new DecideConvertedMailboxCommand(personId, keepReporting), cancellationToken))
        {
            return await LoadAsync(cancellationToken) ? Page() : BadRequest();
        }

        Notice = keepReporting
            ? "Still reported: the mailbox stays a person of the workspace, as before."
            : "No longer reported: the mailbox is deactivated like a leaver. Its history stays; nothing more is read.";
        return Redirect($"/Settings/Users/Provisioning{PageLink(PageNumber)}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Result = await mediator.Send(new GetImportedPeopleQuery(ShowsNotImported ? null : State, ShowsNotImported ? null : Search, ShowsNotImported ? 1 : PageNumber, PageSize), cancellationToken);
            var shownPage = Result.People.Page;
            if (ShowsNotImported)
            {
                NotImported = await mediator.Send(new GetNotImportedIdentitiesQuery(Search, PageNumber, PageSize), cancellationToken);
                shownPage = NotImported.Page;
            }

            if (PageNumber > shownPage)
            {
                PageProblem = $"There is no page {PageNumber}; showing page {shownPage}, the last.";
            }
        }
        catch (ValidationException)
        {
            return false;
        }

        return true;
    }

    /// <summary>What the review form posts; the identities are the ticked ones unless <see cref="AllMatching"/>.</summary>
    public sealed class ReviewInput
    {
        public List<Guid> PersonIds { get; set; } = [];

        public bool AllMatching { get; set; }

        public ProvisioningState State { get; set; } = ProvisioningState.New;

        public string? LinkTargetEmail { get; set; }
    }

    /// <summary>What the "Accept joiners automatically" form posts.</summary>
    public sealed class JoinersInput
    {
        public bool AcceptAutomatically { get; set; }
    }
}
