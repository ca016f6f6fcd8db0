using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory;
using WorkSights.Application.Directory.ChangePeople;
using WorkSights.Application.Directory.FindManagers;
using WorkSights.Application.Directory.GetUserDirectory;
using WorkSights.Application.Schedules;
using WorkSights.Application.Schedules.ListNamedSchedules;
using WorkSights.Domain.People;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings.Users;

/// <summary>Add and Manage Users: the user directory, its filters, sort and page kept in the URL.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    public UserDirectoryDto Result { get; private set; } = null!;

    public IReadOnlyList<NamedScheduleChoiceDto> Schedules { get; private set; } = [];

    [BindProperty]
    public BulkInput Bulk { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "team")]
    public string? Team { get; set; }

    [FromQuery(Name = "role")]
    public PersonRole? Role { get; set; }

    [FromQuery(Name = "status")]
    public PersonStatus? Status { get; set; }

    [FromQuery(Name = "login")]
    public bool? LoginAccess { get; set; }

    [FromQuery(Name = "state")]
    public ProvisioningState? State { get; set; }

    /// <summary>The manager filter as typed or picked: an e-mail, a name, or (from older links) the person's id.</summary>
    [FromQuery(Name = "manager")]
    public string? Manager { get; set; }

    /// <summary>Why the manager typed filters nobody, when it names no single manager.</summary>
    public string? ManagerProblem { get; private set; }

    private Guid? ManagerId { get; set; }

    [FromQuery(Name = "sort")]
    public DirectorySort Sort { get; set; } = DirectorySort.Name;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DirectoryFilter Filter => new(Blank(Search), Blank(Team), Role, Status, LoginAccess, State, ManagerId);

    public bool IsFiltered => Filter != DirectoryFilter.Everyone;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        return await LoadAsync(cancellationToken) ? Page() : BadRequest();
    }

    /// <summary>The manager filter's suggestions as a name or e-mail is typed.</summary>
    public async Task<IActionResult> OnGetManagersAsync(string? term, CancellationToken cancellationToken)
    {
        try
        {
            var managers = await mediator.Send(new FindManagersQuery(term), cancellationToken);
            return new JsonResult(managers.Select(m => new { name = m.DisplayName, email = m.Email }));
        }
        catch (ValidationException exception)
        {
            return BadRequest(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Not a manager's name", Detail = exception.Errors.First().ErrorMessage });
        }
    }

    /// <summary>Changes the ticked people, or everyone matching this view's filters, and comes back to the same view.</summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken cancellationToken)
    {
        if (!await ResolveManagerAsync(cancellationToken))
        {
            return BadRequest();
        }

        var change = new PeopleChange(Bulk.Kind, Bulk.Role, Bulk.Team, Bulk.ManagerEmail, Bulk.LoginAccess, Bulk.NamedScheduleId);
        var (sent, changed) = await mediator.TrySendForResultAsync(
            ModelState,
            nameof(Bulk),
            () => new ChangePeopleCommand(Bulk.AllMatching ? [] : Bulk.PersonIds, Bulk.AllMatching ? Filter : null, change),
            cancellationToken);
        if (!sent)
        {
            return await LoadAsync(cancellationToken) ? Page() : BadRequest();
        }

        Notice = changed switch
        {
            0 => "Nobody needed changing: they all had that value already.",
            1 => "1 person changed.",
            _ => $"{changed:N0} people changed.",
        };
        return Redirect($"/Settings/Users{Link(PageNumber)}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (ManagerId is null && !await ResolveManagerAsync(cancellationToken))
            {
                return false;
            }

            Result = await mediator.Send(new GetUserDirectoryQuery(Filter, Sort, PageNumber, PageSize), cancellationToken);
            Schedules = await mediator.Send(new ListNamedSchedulesQuery(), cancellationToken);
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Finds the manager the filter names: their id, their e-mail, or a name or part of one that only they match; a
    /// text naming nobody or several filters nobody and says so. False when the text is too long to be a search.
    /// </summary>
    private async Task<bool> ResolveManagerAsync(CancellationToken cancellationToken)
    {
        var text = Blank(Manager);
        if (text is null)
        {
            return true;
        }

        if (Guid.TryParse(text, out var id))
        {
            ManagerId = id;
            return true;
        }

        IReadOnlyList<DirectoryManagerDto> found;
        try
        {
            found = await mediator.Send(new FindManagersQuery(text), cancellationToken);
        }
        catch (ValidationException)
        {
            return false;
        }

        var exact = found.Where(m => string.Equals(m.Email, text, StringComparison.OrdinalIgnoreCase) || string.Equals(m.DisplayName, text, StringComparison.OrdinalIgnoreCase)).ToList();
        var chosen = exact.Count == 1 ? exact : found;
        if (chosen.Count == 1)
        {
            ManagerId = chosen[0].Id;
            return true;
        }

        ManagerId = Guid.Empty;
        ManagerProblem = found.Count == 0
            ? $"Nobody who manages someone matches “{text}”."
            : $"Several managers match “{text}”: pick one from the list, or type their e-mail.";
        return true;
    }

    /// <summary>This view's address with <paramref name="page"/> and, when given, another sort.</summary>
    public string Link(int page, DirectorySort? sort = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Blank(Search),
            ["team"] = Blank(Team),
            ["role"] = Role?.ToString(),
            ["status"] = Status?.ToString(),
            ["login"] = LoginAccess is { } login ? (login ? "true" : "false") : null,
            ["state"] = State?.ToString(),
            ["manager"] = Result?.Manager?.Email ?? Blank(Manager),
            ["sort"] = (sort ?? Sort) == DirectorySort.Name ? null : (sort ?? Sort).ToString(),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToString() is { Length: > 0 } query ? query : "?";

    /// <summary>What the bulk form posts; the people are the ticked ones unless <see cref="AllMatching"/>.</summary>
    public sealed class BulkInput
    {
        public List<Guid> PersonIds { get; set; } = [];

        public bool AllMatching { get; set; }

        public PeopleChangeKind Kind { get; set; } = PeopleChangeKind.Role;

        public PersonRole? Role { get; set; }

        public string? Team { get; set; }

        public string? ManagerEmail { get; set; }

        public bool? LoginAccess { get; set; }

        public Guid? NamedScheduleId { get; set; }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
