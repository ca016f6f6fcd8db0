using Mediator;
using Microsoft.AspNetCore.Mvc;
using WorkSights.Application.Accounts.GetMyData;

namespace WorkSights.Web.Pages.Settings;

/// <summary>The Personal page's section to download one's own data or ask to be erased.</summary>
public sealed class MyDataViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await mediator.Send(new GetMyDataQuery(), HttpContext.RequestAborted));
}
