using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Directory.GetPerson;

namespace WorkSights.Web.Pages.Settings.Users;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ImportedPersonDto Person { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Person = await mediator.Send(new GetPersonQuery(id), cancellationToken);
}
