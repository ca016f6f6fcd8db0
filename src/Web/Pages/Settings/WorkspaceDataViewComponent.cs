using Mediator;
using Microsoft.AspNetCore.Mvc;
using WorkSights.Application.Accounts.GetWorkspaceData;

namespace WorkSights.Web.Pages.Settings;

/// <summary>The Account page's section to export or delete the workspace and carry out erasure requests.</summary>
public sealed class WorkspaceDataViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(new WorkspaceDataView(await mediator.Send(new GetWorkspaceDataQuery(), HttpContext.RequestAborted), TempData[WorkspaceDataModel.RefusalKey] as string));
}

public sealed record WorkspaceDataView(WorkspaceDataDto Data, string? Refusal);
