using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Onboarding.GetWorkspaceStatus;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages.Onboarding;

[Authorize(Policy = Policies.Workspace)]
public sealed class ReadyModel(IMediator mediator) : PageModel
{
    public WorkspaceStatusDto Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await mediator.Send(new GetWorkspaceStatusQuery(), cancellationToken);
}
