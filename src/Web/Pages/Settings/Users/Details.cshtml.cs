using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Directory.GetManagedPerson;
using WorkSights.Application.Directory.UpdatePerson;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Hosting;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages.Settings.Users;

/// <summary>A person's page under Users, Profile tab: what the directory says, and the form that changes the rest.</summary>
public sealed class DetailsModel(IMediator mediator, PublicAddress publicAddress) : PageModel
{
    public ManagedPersonDto Person { get; private set; } = null!;

    /// <summary>WorkSights' sign-in page with the person's e-mail as the hint, to copy into an invitation.</summary>
    public string SignInLink => publicAddress.For($"Login?login_hint={Uri.EscapeDataString(Person.Email)}").ToString();

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Edit = new EditInput
        {
            Position = Person.PositionOverride,
            Team = Person.TeamOverride,
            ManagerEmail = Person.ManagerOverrideEmail,
            Role = Person.Role,
            HasLoginAccess = Person.HasLoginAccess,
            IsActive = Person.Status != PersonStatus.Inactive,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var sent = await mediator.TrySendAsync(
            ModelState,
            nameof(Edit),
            () => new UpdatePersonCommand(id, Blank(Edit.Position), Blank(Edit.Team), Blank(Edit.ManagerEmail), Edit.Role, Edit.HasLoginAccess, Edit.IsActive),
            cancellationToken);
        if (sent)
        {
            Notice = "Changes saved. They apply from this person's next request.";
            return Redirect($"/Settings/Users/{id}#profile");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Person = await mediator.Send(new GetManagedPersonQuery(id), cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What the form posts: nothing else of a person can be set from it.</summary>
    public sealed class EditInput
    {
        public string? Position { get; set; }

        public string? Team { get; set; }

        public string? ManagerEmail { get; set; }

        public PersonRole Role { get; set; } = PersonRole.Member;

        public bool HasLoginAccess { get; set; }

        public bool IsActive { get; set; } = true;
    }
}
