using Microsoft.Extensions.Caching.Memory;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Common.Caching;

/// <summary>
/// Remembers what a query computed from the signed-in workspace's stored data until something of that workspace is
/// stored again (<see cref="IReportedDataVersions"/>), and at most for the lifetime given (so that what depends on the
/// time of day, a viewer's "today", moves on too). The key names the query and everything else its answer depends on.
/// </summary>
public sealed class WorkspaceMemo(WorkspaceMemoStore store, IReportedDataVersions versions, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>
    /// The answers kept at most, across workspaces: every viewer, filter and data version makes its own, and a busy app
    /// must not keep them all until they expire. Past it the cache drops the oldest.
    /// </summary>
    public const int MaxAnswers = 10_000;

    public async Task<T> GetOrComputeAsync<T>(object key, TimeSpan lifetime, Func<Task<T>> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        if (tenant.TenantId is not { } tenantId)
        {
            return await compute();
        }

        // The version is read before the answer is computed: a write meanwhile leaves it under the older version only.
        var version = versions.Of(tenantId);
        var slot = clock.GetUtcNow().UtcTicks / lifetime.Ticks;
        var entry = (nameof(WorkspaceMemo), tenantId, version, slot, key);
        if (store.Cache.TryGetValue(entry, out T? known) && known is not null)
        {
            return known;
        }

        var answer = await compute();
        store.Cache.Set(entry, answer, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        return answer;
    }
}
