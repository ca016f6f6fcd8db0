using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>
/// Who may change whom on Add and Manage Users: Owners and Technical Admins manage people; only an Owner makes Owners or
/// changes anything that decides an Owner's access; nobody raises their own role; the workspace always keeps an Owner.
/// </summary>
public static class PeopleManagementRules
{
    /// <summary>Refuses a role change <paramref name="editor"/> may not make.</summary>
    public static void EnsureMayChangeRole(PersonEditor editor, Guid personId, PersonRole from, PersonRole to)
    {
        EnsureManagesPeople(editor);
        if (from == to)
        {
            return;
        }

        if (!Enum.IsDefined(to))
        {
            throw new DomainRuleViolationException("Unknown role.");
        }

        if (editor.PersonId == personId && !IsStepDown(from, to))
        {
            throw new DomainRuleViolationException("You cannot raise your own role; ask an Owner.");
        }

        if ((to == PersonRole.Owner || from == PersonRole.Owner) && editor.Role != PersonRole.Owner)
        {
            throw new DomainRuleViolationException("Only an Owner can make someone an Owner or change an Owner's role.");
        }
    }

    /// <summary>Refuses a change of login access or status that <paramref name="editor"/> may not make.</summary>
    public static void EnsureMayChangeAccess(PersonEditor editor, PersonRole personRole)
    {
        EnsureManagesPeople(editor);
        if (personRole == PersonRole.Owner && editor.Role != PersonRole.Owner)
        {
            throw new DomainRuleViolationException("Only an Owner can change an Owner's login access or status.");
        }
    }

    /// <summary>Refuses a change that would leave the workspace without an active Owner who can sign in.</summary>
    /// <param name="ownersLeft">Active Owners with login access the workspace would have after the change.</param>
    public static void EnsureAnOwnerRemains(int ownersLeft)
    {
        if (ownersLeft < 1)
        {
            throw new DomainRuleViolationException("The workspace needs at least one active Owner with login access: make someone else an Owner first.");
        }
    }

    public static void EnsureManagesPeople(PersonEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (editor.Role is not (PersonRole.Owner or PersonRole.TechnicalAdmin))
        {
            throw new DomainRuleViolationException("Only an Owner or a Technical Admin manages people.");
        }
    }

    /// <summary>
    /// A change of one's own role that gives no new access: an Owner may step down to any role, a Technical Admin to
    /// Member. Technical Admin to Executive or Manager would add access to people's activity, so it is not a step down.
    /// </summary>
    private static bool IsStepDown(PersonRole from, PersonRole to) =>
        from == PersonRole.Owner || (from == PersonRole.TechnicalAdmin && to == PersonRole.Member);
}

/// <summary>The signed-in person making a change to people, with their role now.</summary>
public sealed record PersonEditor(Guid PersonId, PersonRole Role);
