using System.Collections.Concurrent;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Versions kept in this process, moved on by <see cref="ApplicationDbContext"/> after each committed write. A write
/// outside any workspace (a sign-up creating one) moves every workspace's version on.
/// </summary>
/// <remarks>
/// One process sees every write it makes; several instances of the app would each need the others' writes, so they
/// would share these numbers through the database instead.
/// </remarks>
public sealed class ReportedDataVersions : IReportedDataVersions
{
    private readonly ConcurrentDictionary<Guid, long> lastWriteOf = new();
    private long clock;
    private long lastWriteEverywhere;

    public long Of(Guid tenantId) => Math.Max(lastWriteOf.GetValueOrDefault(tenantId), Volatile.Read(ref lastWriteEverywhere));

    public void Advance(Guid tenantId)
    {
        var version = Interlocked.Increment(ref clock);
        if (tenantId == Guid.Empty)
        {
            var seen = Volatile.Read(ref lastWriteEverywhere);
            while (seen < version && Interlocked.CompareExchange(ref lastWriteEverywhere, version, seen) is var found && found != seen)
            {
                seen = found;
            }

            return;
        }

        lastWriteOf.AddOrUpdate(tenantId, version, (_, previous) => Math.Max(previous, version));
    }
}
