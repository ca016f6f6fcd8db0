using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetFindings;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Domain.Observers;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class FindingsMemoTests : IDisposable
{
    private static readonly Guid Tenant = Guid.Parse("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d");
    private static readonly ViewerScope Everyone = ViewerScope.Everyone(Guid.Parse("5b0c9a6e-2f1d-4c3b-9a8e-7d6c5b4a3f21"), PersonRole.Executive);

    private readonly MemoryCache cache = new(new MemoryCacheOptions());
    private readonly ReportedDataVersions versions = new();
    private readonly TenantContext tenant = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly IDisposable tenantScope;
    private int computed;

    public FindingsMemoTests() => tenantScope = tenant.BeginScope(Tenant);

    public void Dispose()
    {
        tenantScope.Dispose();
        cache.Dispose();
    }

    private Task<IReadOnlyList<FindingDto>> FindingsAsync(ReportFilter filter, ViewerScope? scope = null) =>
        new FindingsMemo(cache, versions, tenant, clock).GetOrComputeAsync(scope ?? Everyone, filter, () =>
        {
            computed++;
            return Task.FromResult<IReadOnlyList<FindingDto>>([new FindingDto(Guid.NewGuid(), "Person", ObserverRule.Overload, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4), $"computation {computed}")]);
        });

    [Fact]
    public async Task SameViewerFilterAndDataGetTheFindingsComputedOnce()
    {
        var first = await FindingsAsync(ReportFilter.None);
        var again = await FindingsAsync(ReportFilter.None);

        Assert.Same(first, again);
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task AStoredChangeOfTheWorkspaceAnotherFilterOrViewerOrAQuarterHourComputesThemAgain()
    {
        await FindingsAsync(ReportFilter.None);
        versions.Advance(Tenant);
        await FindingsAsync(ReportFilter.None);
        await FindingsAsync(new ReportFilter(Team: "Sales"));
        await FindingsAsync(ReportFilter.None, ViewerScope.Everyone(Guid.NewGuid(), PersonRole.Owner));
        clock.Advance(TimeSpan.FromMinutes(15));
        await FindingsAsync(ReportFilter.None);
        versions.Advance(Guid.NewGuid());
        await FindingsAsync(ReportFilter.None);

        Assert.Equal(5, computed);
    }
}
