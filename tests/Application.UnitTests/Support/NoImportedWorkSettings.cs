using WorkSights.Application.Scores;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Nothing imported from any mailbox.</summary>
internal sealed class NoImportedWorkSettings : IImportedWorkSettings
{
    public static NoImportedWorkSettings Instance { get; } = new();

    public Task<IReadOnlyDictionary<Guid, ImportedWorkSettings>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, ImportedWorkSettings>>(new Dictionary<Guid, ImportedWorkSettings>());
}
