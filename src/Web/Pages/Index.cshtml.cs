using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.HasClaim(c => c.Type == WorkSightsClaims.WorkspaceId))
        {
            return Redirect(HomePage.For(User));
        }

        return User.Identity?.IsAuthenticated == true ? RedirectToPage("/Onboarding/Connect") : Page();
    }
}
