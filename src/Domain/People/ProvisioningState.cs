namespace WorkSights.Domain.People;

/// <summary>How an identity of the source directory is taken into the workspace.</summary>
public enum ProvisioningState
{
    /// <summary>A profile will be created for it.</summary>
    New = 1,

    /// <summary>It should be connected to an existing profile, e.g. a second address of someone already known.</summary>
    Link = 2,

    /// <summary>Excluded from the workspace: service accounts, shared mailboxes, test or disabled accounts.</summary>
    Blocked = 3,

    /// <summary>
    /// Matched automatically to an existing profile by primary email and domain, or a joiner accepted automatically
    /// (the workspace's "Accept joiners automatically").
    /// </summary>
    AlreadyLinked = 4,
}
