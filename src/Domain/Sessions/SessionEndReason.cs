namespace WorkSights.Domain.Sessions;

public enum SessionEndReason
{
    SignedOut = 1,

    /// <summary>The same browser signed in again, or went on from sign-up into its workspace.</summary>
    Replaced = 2,

    IdleTimeout = 3,

    AbsoluteLifetime = 4,

    /// <summary>The person left the directory, lost login access or was deactivated.</summary>
    AccessRemoved = 5,

    /// <summary>The workspace no longer exists or no longer accepts sign-ins.</summary>
    WorkspaceGone = 6,
}
