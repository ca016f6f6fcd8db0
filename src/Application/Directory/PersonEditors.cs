using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory;

/// <summary>What changing people on Add and Manage Users needs besides the rules: the editor, and managers by e-mail.</summary>
public static class PersonEditors
{
    /// <exception cref="ForbiddenAccessException">Nobody of this workspace is signed in.</exception>
    public static PersonEditor Current(ICurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        return currentUser is { PersonId: { } id, Role: { } role }
            ? new PersonEditor(id, role)
            : throw new ForbiddenAccessException("Sign in to manage people.");
    }

    /// <summary>The external id of the current person with this e-mail; null for no e-mail (the directory's manager).</summary>
    public static async Task<string?> ManagerExternalIdAsync(IApplicationDbContext db, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var address = email.Trim().ToLowerInvariant();
        return await db.People.Where(p => p.Email == address && p.Status != PersonStatus.Removed).Select(p => p.ExternalId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleViolationException($"Nobody in the directory has the e-mail {address}.");
    }

    /// <summary>How the audit log names a status.</summary>
    public static string Words(PersonStatus status) => status switch
    {
        PersonStatus.Active => "active",
        PersonStatus.Inactive => "inactive",
        _ => "removed",
    };

    /// <summary>How the audit log names a role.</summary>
    public static string Words(PersonRole role) => role == PersonRole.TechnicalAdmin ? "Technical Admin" : role.ToString();
}
