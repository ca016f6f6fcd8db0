using Microsoft.Extensions.Time.Testing;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>The reporting pages' cache store: bounded in bytes, the least recently served page going first.</summary>
public sealed class BoundedOutputCacheStoreTests
{
    private const int Kilobyte = 1024;

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static byte[] Body(int kilobytes) => new byte[kilobytes * Kilobyte];

    [Fact]
    public async Task NewPageIsKeptAtOnceAndTheLeastRecentlyServedGoGivenAFullStore()
    {
        var store = new BoundedOutputCacheStore(2_000 * Kilobyte, clock);
        await store.SetAsync("old", Body(600), null, TimeSpan.FromMinutes(1), default);
        await store.SetAsync("served", Body(600), null, TimeSpan.FromMinutes(1), default);
        await store.SetAsync("middle", Body(600), null, TimeSpan.FromMinutes(1), default);
        Assert.NotNull(await store.GetAsync("old", default));

        await store.SetAsync("large", Body(700), null, TimeSpan.FromMinutes(1), default);

        Assert.NotNull(await store.GetAsync("large", default));
        Assert.NotNull(await store.GetAsync("old", default));
        Assert.Null(await store.GetAsync("served", default));
        Assert.NotNull(await store.GetAsync("middle", default));
        Assert.InRange(store.Size, 1_900 * Kilobyte, 2_000 * Kilobyte);
    }

    [Fact]
    public async Task PageIsNotKeptAndNothingIsEvictedGivenABodyLargerThanTheWholeStore()
    {
        var store = new BoundedOutputCacheStore(500 * Kilobyte, clock);
        await store.SetAsync("small", Body(100), null, TimeSpan.FromMinutes(1), default);

        await store.SetAsync("huge", Body(600), null, TimeSpan.FromMinutes(1), default);

        Assert.Null(await store.GetAsync("huge", default));
        Assert.NotNull(await store.GetAsync("small", default));
    }

    [Fact]
    public async Task PageIsNotServedAndItsBytesAreFreedGivenItsLifetimeHasPassed()
    {
        var store = new BoundedOutputCacheStore(500 * Kilobyte, clock);
        await store.SetAsync("page", Body(100), null, TimeSpan.FromSeconds(60), default);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(await store.GetAsync("page", default));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await store.GetAsync("page", default));
        Assert.Equal(0, store.Size);
    }

    [Fact]
    public async Task PagesOfATagGoAndOthersStayGivenAnEvictionByTag()
    {
        var store = new BoundedOutputCacheStore(500 * Kilobyte, clock);
        await store.SetAsync("a", Body(10), ["workspace-a"], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("b", Body(10), ["workspace-b"], TimeSpan.FromMinutes(1), default);

        await store.EvictByTagAsync("workspace-a", default);

        Assert.Null(await store.GetAsync("a", default));
        Assert.NotNull(await store.GetAsync("b", default));
    }

    [Fact]
    public async Task SizeCountsThePageOnceGivenTheSameAddressStoredTwice()
    {
        var store = new BoundedOutputCacheStore(500 * Kilobyte, clock);
        await store.SetAsync("page", Body(100), null, TimeSpan.FromMinutes(1), default);
        var once = store.Size;

        await store.SetAsync("page", Body(100), null, TimeSpan.FromMinutes(1), default);

        Assert.Equal(once, store.Size);
    }
}
