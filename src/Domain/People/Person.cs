using System.Linq.Expressions;
using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>
/// A person of the workspace, imported from the organisation's directory. Being reported on and being allowed to
/// sign in are separate: every imported person can appear in reports, only those with login access sign in.
/// </summary>
public sealed class Person : ITenantOwned
{
    private Person()
    {
        ExternalId = Email = DisplayName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The directory's immutable id of the person (the Entra <c>oid</c>).</summary>
    public string ExternalId { get; private set; }

    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>The person's team: <see cref="TeamOverride"/> when set in WorkSights, else the directory's department.</summary>
    public string? Department { get; private set; }

    /// <summary>The person's position: <see cref="PositionOverride"/> when set in WorkSights, else the directory's job title.</summary>
    public string? JobTitle { get; private set; }

    /// <summary>The external id of the person's manager: <see cref="ManagerOverrideExternalId"/> when set, else the directory's.</summary>
    public string? ManagerExternalId { get; private set; }

    public string? DirectoryDepartment { get; private set; }

    public string? DirectoryJobTitle { get; private set; }

    public string? DirectoryManagerExternalId { get; private set; }

    public string? TeamOverride { get; private set; }

    public string? PositionOverride { get; private set; }

    public string? ManagerOverrideExternalId { get; private set; }

    public PersonRole Role { get; private set; }

    public bool HasLoginAccess { get; private set; }

    public ProvisioningState ProvisioningState { get; private set; }

    /// <summary>For an identity in <see cref="ProvisioningState.Link"/>: the person it is merged into, whose activity it adds to.</summary>
    public Guid? LinkedPersonId { get; private set; }

    public PersonStatus Status { get; private set; }

    /// <summary>
    /// Why the directory alone would not have imported this identity (a guest, a shared, room or equipment mailbox) when an
    /// Owner or Technical Admin took it in anyway, or kept reporting a mailbox that became shared: the directory sync then
    /// leaves it a person. Null for everyone the directory imports by itself.
    /// </summary>
    public NotImportedReason? ImportedDespite { get; private set; }

    /// <summary>What the person's mailbox became after they were imported (shared, room, equipment), as a later sync found it.</summary>
    public NotImportedReason? MailboxConvertedTo { get; private set; }

    /// <summary>When a sync found the mailbox converted.</summary>
    public DateTimeOffset? MailboxConvertedAt { get; private set; }

    /// <summary>A mailbox found converted that nobody decided on yet: it is still reported until an administrator chooses.</summary>
    public bool AwaitsMailboxDecision => MailboxConvertedTo is not null && ImportedDespite is null && Status == PersonStatus.Active;

    public DateTimeOffset ImportedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whose work WorkSights reads from the provider: people still in the directory whom nobody blocked.</summary>
    public static Expression<Func<Person, bool>> IsImportable { get; } =
        p => p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked;

    /// <summary>
    /// Who has days and results of their own: everyone not blocked and not merged into another person (inactive people
    /// and leavers keep their history). The recomputation removes the days of everyone else.
    /// </summary>
    public static Expression<Func<Person, bool>> HasOwnResults { get; } =
        p => p.ProvisioningState != ProvisioningState.Blocked && p.LinkedPersonId == null;

    /// <summary>An Owner who can still sign in: while the workspace has one, nobody else becomes Owner through sign-up or consent.</summary>
    public static Expression<Func<Person, bool>> IsActiveOwner { get; } =
        p => p.Role == PersonRole.Owner && p.Status == PersonStatus.Active && p.HasLoginAccess && p.ProvisioningState != ProvisioningState.Blocked;

    private static readonly Func<Person, bool> HoldsActiveOwnership = IsActiveOwner.Compile();

    /// <summary>This person is an Owner who can still sign in.</summary>
    public bool IsOwnerWithAccess => HoldsActiveOwnership(this);

    /// <summary>In the directory, active and not blocked: may be given login access or ownership.</summary>
    public bool IsActiveAndUnblocked => Status == PersonStatus.Active && ProvisioningState != ProvisioningState.Blocked;

    /// <summary>The team <see cref="TakeEffectiveValues"/> gives for this override, as SQL can compute it in a bulk update.</summary>
    public static Expression<Func<Person, string?>> DepartmentWith(string? teamOverride) => p => teamOverride ?? p.DirectoryDepartment;

    /// <summary>The manager <see cref="TakeEffectiveValues"/> gives for this override, as SQL can compute it in a bulk update.</summary>
    public static Expression<Func<Person, string?>> ManagerWith(string? managerOverride) => p => managerOverride ?? p.DirectoryManagerExternalId;

    public static Person Import(
        Guid tenantId,
        string externalId,
        DirectoryProfile profile,
        ProvisioningState state,
        DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
        {
            throw new DomainRuleViolationException("A person belongs to a workspace.");
        }

        var person = new Person
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            ExternalId = Guard.Required(externalId, "External id", 64).ToLowerInvariant(),
            Role = PersonRole.Member,
            ProvisioningState = state,
            Status = PersonStatus.Active,
            ImportedAt = Guard.Utc(now, "Import time"),
        };
        person.ApplyDirectoryProfile(profile, now);
        return person;
    }

    /// <summary>Takes the directory's current values; returns whether anything changed.</summary>
    public bool ApplyDirectoryProfile(DirectoryProfile profile, DateTimeOffset now)
    {
        var email = Guard.Required(profile.Email, "Email", 320).ToLowerInvariant();
        var displayName = Guard.Required(profile.DisplayName, "Display name", 256);
        var department = Guard.Optional(profile.Department, "Department", 128);
        var jobTitle = Guard.Optional(profile.JobTitle, "Job title", 128);
        var manager = Guard.Optional(profile.ManagerExternalId, "Manager id", 64);
        var changed = email != Email || displayName != DisplayName || department != DirectoryDepartment
            || jobTitle != DirectoryJobTitle || manager != DirectoryManagerExternalId || Status == PersonStatus.Removed;

        Email = email;
        DisplayName = displayName;
        DirectoryDepartment = department;
        DirectoryJobTitle = jobTitle;
        DirectoryManagerExternalId = manager;
        TakeEffectiveValues();
        if (Status == PersonStatus.Removed)
        {
            Status = PersonStatus.Active;
        }

        if (changed)
        {
            UpdatedAt = Guard.Utc(now, "Update time");
        }

        return changed;
    }

    public void MarkRemovedFromDirectory(DateTimeOffset now)
    {
        if (Status == PersonStatus.Removed)
        {
            return;
        }

        Status = PersonStatus.Removed;
        HasLoginAccess = false;
        UpdatedAt = Guard.Utc(now, "Removal time");
    }

    public void GrantLoginAccess()
    {
        if (ProvisioningState == ProvisioningState.Blocked || Status != PersonStatus.Active)
        {
            throw new DomainRuleViolationException("A blocked, inactive or removed person cannot be given login access.");
        }

        HasLoginAccess = true;
    }

    public void RevokeLoginAccess() => HasLoginAccess = false;

    /// <summary>Turns login access on or off; true when it changed.</summary>
    public bool SetLoginAccess(bool hasLoginAccess)
    {
        if (hasLoginAccess == HasLoginAccess)
        {
            return false;
        }

        if (hasLoginAccess)
        {
            GrantLoginAccess();
        }
        else
        {
            RevokeLoginAccess();
        }

        return true;
    }

    /// <summary>
    /// Active people are reported on, synced and may be given login access; inactive ones are kept for history only and
    /// cannot sign in. A person who left the directory stays removed; true when the status changed.
    /// </summary>
    public bool SetActive(bool active, DateTimeOffset now)
    {
        if (Status == PersonStatus.Removed)
        {
            throw new DomainRuleViolationException("This person has left the directory; they come back with the next sync if they return.");
        }

        var status = active ? PersonStatus.Active : PersonStatus.Inactive;
        if (status == Status)
        {
            return false;
        }

        Status = status;
        if (!active)
        {
            HasLoginAccess = false;
        }

        UpdatedAt = Guard.Utc(now, "Update time");
        return true;
    }

    /// <summary>Sets the position, team and manager WorkSights uses instead of the directory's; null keeps the directory's.</summary>
    public void OverrideProfile(string? position, string? team, string? managerExternalId, DateTimeOffset now)
    {
        var manager = Guard.Optional(managerExternalId, "Manager id", 64)?.ToLowerInvariant();
        if (manager is not null && manager == ExternalId)
        {
            throw new DomainRuleViolationException("A person cannot be their own manager.");
        }

        PositionOverride = Guard.Optional(position, "Position", 128);
        TeamOverride = Guard.Optional(team, "Team", 128);
        ManagerOverrideExternalId = manager;
        TakeEffectiveValues();
        UpdatedAt = Guard.Utc(now, "Update time");
    }

    /// <summary>A proven administrator of the organisation becomes the workspace's Owner while it has none.</summary>
    public void MakeOwner()
    {
        if (!IsActiveAndUnblocked)
        {
            throw new DomainRuleViolationException("Only an active, unblocked person can own the workspace.");
        }

        Role = PersonRole.Owner;
        GrantLoginAccess();
    }

    public void AssignRole(PersonRole role)
    {
        Role = Enum.IsDefined(role) ? role : throw new DomainRuleViolationException("Unknown role.");
    }

    /// <summary>The one place where what WorkSights uses is worked out from the directory's values and the overrides.</summary>
    private void TakeEffectiveValues()
    {
        Department = TeamOverride ?? DirectoryDepartment;
        JobTitle = PositionOverride ?? DirectoryJobTitle;
        ManagerExternalId = ManagerOverrideExternalId ?? DirectoryManagerExternalId;
    }

    public void ChangeProvisioningState(ProvisioningState state)
    {
        ProvisioningState = Enum.IsDefined(state) ? state : throw new DomainRuleViolationException("Unknown provisioning state.");
        if (state != ProvisioningState.Link)
        {
            LinkedPersonId = null;
        }

        if (state == ProvisioningState.Blocked)
        {
            HasLoginAccess = false;
        }
    }

    /// <summary>
    /// An administrator's decision on the User Provisioning review: <see cref="ProvisioningState.New"/> (take the identity
    /// as a person of its own), <see cref="ProvisioningState.Blocked"/> (never read nor report it) or
    /// <see cref="ProvisioningState.Link"/> into <paramref name="linkTarget"/> (its activity becomes the target's).
    /// Already Linked is only ever the directory match's. True when anything changed.
    /// </summary>
    public bool Review(ProvisioningState state, Person? linkTarget, DateTimeOffset now)
    {
        ProvisioningRules.EnsureMayReview(this, state, linkTarget);
        var linked = state == ProvisioningState.Link ? linkTarget!.Id : (Guid?)null;
        if (state == ProvisioningState && linked == LinkedPersonId)
        {
            return false;
        }

        ChangeProvisioningState(state);
        LinkedPersonId = linked;
        if (state == ProvisioningState.Link)
        {
            // A merged identity is another address of its target: it signs in as nobody of its own.
            HasLoginAccess = false;
        }

        UpdatedAt = Guard.Utc(now, "Update time");
        return true;
    }

    /// <summary>
    /// An administrator takes in an identity the directory would not import (<paramref name="reason"/>): it is a person to
    /// review as any other, and the directory sync leaves it one. A person who had become a guest comes back as active.
    /// </summary>
    public void ImportAnyway(NotImportedReason reason, DateTimeOffset now)
    {
        ImportedDespite = Enum.IsDefined(reason) ? reason : throw new DomainRuleViolationException("Unknown reason for not importing an identity.");
        if (Status == PersonStatus.Removed)
        {
            Status = PersonStatus.Active;
        }

        UpdatedAt = Guard.Utc(now, "Update time");
    }

    /// <summary>
    /// What a sync read of the mailbox's purpose: a person's mailbox that became shared, a room or equipment is flagged
    /// for an administrator's decision, once; one that is a person's again loses a flag nobody decided on. True when the
    /// flag changed. Identities taken in anyway are what they are: nothing changes.
    /// </summary>
    public bool NoteMailboxPurpose(MailboxPurpose purpose, DateTimeOffset now)
    {
        if (ImportedDespite is not null || Status != PersonStatus.Active)
        {
            return false;
        }

        var became = ProvisioningPolicy.WhyNotImported(string.Empty, false, purpose);
        if (became is { } reason && MailboxConvertedTo is null)
        {
            MailboxConvertedTo = reason;
            MailboxConvertedAt = Guard.Utc(now, "Conversion time");
            UpdatedAt = MailboxConvertedAt.Value;
            return true;
        }

        if (purpose is MailboxPurpose.Person && MailboxConvertedTo is not null)
        {
            MailboxConvertedTo = null;
            MailboxConvertedAt = null;
            UpdatedAt = Guard.Utc(now, "Update time");
            return true;
        }

        return false;
    }

    /// <summary>
    /// The administrator's choice on a mailbox that became shared, a room or equipment: keep reporting it (it stays a person,
    /// as one imported anyway) or stop, which deactivates it as a leaver: its history is kept, nothing more is read, no login.
    /// </summary>
    public void DecideOnConvertedMailbox(bool keepReporting, DateTimeOffset now)
    {
        if (!AwaitsMailboxDecision)
        {
            throw new DomainRuleViolationException($"{DisplayName}'s mailbox is not waiting for a decision.");
        }

        if (keepReporting)
        {
            ImportedDespite = MailboxConvertedTo;
            UpdatedAt = Guard.Utc(now, "Update time");
            return;
        }

        SetActive(false, now);
    }
}
