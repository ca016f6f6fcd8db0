namespace WorkSights.Application.Scores;

/// <summary>
/// Stands in for <see cref="IPersonDayRecomputer"/> until the recompute is built: it leaves the days marked dirty, so
/// they are brought up to date by the background recompute once it exists. Registered only when nothing else is.
/// </summary>
public sealed class DeferredPersonDayRecomputer : IPersonDayRecomputer
{
    public Task RecomputeAsync(IReadOnlyCollection<PersonDate> days, CancellationToken cancellationToken) => Task.CompletedTask;
}
