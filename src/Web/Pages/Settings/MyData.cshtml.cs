using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Accounts.ExportMyData;
using WorkSights.Application.Accounts.RequestErasure;
using WorkSights.Application.Accounts.WithdrawErasure;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings;

/// <summary>The Personal page's data section posts here: the download of one's own data, the request to be erased and its withdrawal.</summary>
public sealed class MyDataModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => Redirect("/Settings/Personal#my-data");

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken) =>
        new ZipExportResult(await mediator.Send(new ExportMyDataCommand(), cancellationToken));

    public async Task<IActionResult> OnPostRequestErasureAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RequestErasureCommand(), cancellationToken);
        return Redirect("/Settings/Personal#my-data");
    }

    public async Task<IActionResult> OnPostWithdrawErasureAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new WithdrawErasureCommand(), cancellationToken);
        return Redirect("/Settings/Personal#my-data");
    }
}
