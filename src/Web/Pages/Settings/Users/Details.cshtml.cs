using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkSights.Application.Accounts.ErasePerson;
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

    [FromQuery(Name = "confirm")]
    public string? Confirm { get; set; }

    public bool AsksToConfirmErase => string.Equals(Confirm, "erase", StringComparison.Ordinal);

    /// <summary>Why the erasure was refused (the last Owner), shown beside its button.</summary>
    public string? EraseRefusal { get; private set; }

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

    /// <summary>Erases only from the confirmation's own button; any other post is asked to confirm first.</summary>
    public async Task<IActionResult> OnPostEraseAsync(Guid id, [FromForm(Name = "confirmed")] string? confirmed, CancellationToken cancellationToken)
    {
        if (!string.Equals(confirmed, "yes", StringComparison.Ordinal))
        {
            return Redirect($"/Settings/Users/{id}?confirm=erase#erase-confirm");
        }

        var (sent, erasure) = await mediator.TrySendForResultAsync(ModelState, "Erase", () => new ErasePersonCommand(id), cancellationToken);
        if (!sent)
        {
            EraseRefusal = ModelState["Erase"]?.Errors.FirstOrDefault()?.ErrorMessage;
            ModelState.Remove("Erase");
            await OnGetAsync(id, cancellationToken);
            return Page();
        }

        Notice = $"The person was erased: {erasure!.TotalRows:N0} records about them removed (activities, daily scores, settings). Only their directory id is kept, so the next directory sync does not import them again.";
        return Redirect("/Settings/Users");
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
