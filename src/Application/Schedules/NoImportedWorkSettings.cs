using WorkSights.Application.Scores;

namespace WorkSights.Application.Schedules;

/// <summary>Nothing imported from mailboxes: what a host without a mailbox-settings import uses.</summary>
public sealed class NoImportedWorkSettings : IImportedWorkSettings
{
    public static NoImportedWorkSettings Instance { get; } = new();

    public Task<IReadOnlyDictionary<Guid, ImportedWorkSettings>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, ImportedWorkSettings>>(new Dictionary<Guid, ImportedWorkSettings>());
}
