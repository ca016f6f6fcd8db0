using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Domain.People;

namespace WorkSights.Web.Pages.Settings.Users;

public sealed class ProvisioningModel(IMediator mediator) : PageModel
{
    private const int PageSize = 50;

    public ImportedPeopleDto Result { get; private set; } = null!;

    [FromQuery(Name = "state")]
    public ProvisioningState? State { get; set; }

    [FromQuery(Name = "search")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    /// <summary>Why another page than the one asked for is shown.</summary>
    public string? PageProblem { get; private set; }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["state"] = State?.ToString(),
            ["search"] = Search,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        try
        {
            Result = await mediator.Send(new GetImportedPeopleQuery(State, Search, PageNumber, PageSize), cancellationToken);
            if (PageNumber > Result.People.Page)
            {
                PageProblem = $"There is no page {PageNumber}; showing page {Result.People.Page}, the last.";
            }
        }
        catch (ValidationException)
        {
            return BadRequest();
        }

        return Page();
    }
}
