using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory;
using WorkSights.Application.Directory.GetUserDirectory;
using WorkSights.Domain.People;

namespace WorkSights.Web.Pages.Settings.Users;

/// <summary>Add and Manage Users: the user directory, its filters, sort and page kept in the URL.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    public UserDirectoryDto Result { get; private set; } = null!;

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

    [FromQuery(Name = "manager")]
    public Guid? ManagerId { get; set; }

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

        try
        {
            Result = await mediator.Send(new GetUserDirectoryQuery(Filter, Sort, PageNumber, PageSize), cancellationToken);
        }
        catch (ValidationException)
        {
            return BadRequest();
        }

        return Page();
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
            ["manager"] = ManagerId?.ToString(),
            ["sort"] = (sort ?? Sort) == DirectorySort.Name ? null : (sort ?? Sort).ToString(),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToString() is { Length: > 0 } query ? query : "?";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
