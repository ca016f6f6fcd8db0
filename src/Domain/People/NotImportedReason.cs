namespace WorkSights.Domain.People;

/// <summary>Why a directory identity is no person of the workspace: it is never imported, read nor reported.</summary>
public enum NotImportedReason
{
    /// <summary>A guest of the organisation (Entra <c>userType</c> "Guest"): someone of another company invited in.</summary>
    Guest = 1,

    /// <summary>A mailbox several people share, such as info@ or support@ (Exchange's <c>userPurpose</c> "shared").</summary>
    SharedMailbox = 2,

    /// <summary>A meeting room's mailbox, booked through its calendar (<c>userPurpose</c> "room").</summary>
    Room = 3,

    /// <summary>The mailbox of equipment, such as a projector or a car (<c>userPurpose</c> "equipment").</summary>
    Equipment = 4,
}
