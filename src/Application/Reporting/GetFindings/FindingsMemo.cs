using Microsoft.Extensions.Caching.Memory;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetFindings;

/// <summary>
/// Team findings as last computed for the same viewer, filter and version of the workspace's data: they read seven
/// weeks of every person's days, and nothing they show changes until something of the workspace is stored (new days,
/// thresholds, people, privacy mode). Remembered for a quarter of an hour at most, so that a viewer's "today" moves on.
/// </summary>
public sealed class FindingsMemo(IMemoryCache cache, IReportedDataVersions versions, ITenantContext tenant, TimeProvider clock)
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyList<FindingDto>> GetOrComputeAsync(ViewerScope scope, ReportFilter filter, Func<Task<IReadOnlyList<FindingDto>>> compute)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(compute);
        if (tenant.TenantId is not { } tenantId)
        {
            return await compute();
        }

        // The version is read before the findings are: a write meanwhile leaves them under the older version only.
        var version = versions.Of(tenantId);
        var slot = clock.GetUtcNow().UtcTicks / Slot.Ticks;
        var key = (nameof(FindingsMemo), tenantId, version, slot, scope.ViewerId, scope.Role, filter);
        if (cache.TryGetValue(key, out IReadOnlyList<FindingDto>? known) && known is not null)
        {
            return known;
        }

        var findings = await compute();
        cache.Set(key, findings, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Slot });
        return findings;
    }
}
