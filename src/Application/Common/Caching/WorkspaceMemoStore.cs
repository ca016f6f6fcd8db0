using Microsoft.Extensions.Caching.Memory;

namespace WorkSights.Application.Common.Caching;

/// <summary>The one bounded cache every request's <see cref="WorkspaceMemo"/> shares, kept apart from the app's other caches.</summary>
public sealed class WorkspaceMemoStore : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = WorkspaceMemo.MaxAnswers, CompactionPercentage = 0.25 });

    public void Dispose() => Cache.Dispose();
}
