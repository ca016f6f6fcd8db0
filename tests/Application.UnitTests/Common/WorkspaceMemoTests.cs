using Microsoft.Extensions.Time.Testing;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Reporting;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Common;

public sealed class WorkspaceMemoTests : IDisposable
{
    private static readonly Guid Tenant = Guid.Parse("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d");
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly WorkspaceMemoStore store = new();
    private readonly ReportedDataVersions versions = new();
    private readonly TenantContext tenant = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly IDisposable tenantScope;
    private int computed;

    public WorkspaceMemoTests() => tenantScope = tenant.BeginScope(Tenant);

    public void Dispose()
    {
        tenantScope.Dispose();
        store.Dispose();
    }

    private Task<string> AnswerAsync(object key, TenantContext? workspace = null) =>
        new WorkspaceMemo(store, versions, workspace ?? tenant, clock).GetOrComputeAsync(key, Lifetime, () => Task.FromResult($"computation {++computed}"));

    [Fact]
    public async Task SameKeyAndUnchangedWorkspaceGetTheAnswerComputedOnce()
    {
        var first = await AnswerAsync(("team findings", ReportFilter.None));
        var again = await AnswerAsync(("team findings", ReportFilter.None));

        Assert.Same(first, again);
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task AStoredChangeOfTheWorkspaceAnotherKeyOrTheEndOfTheLifetimeComputesItAgain()
    {
        await AnswerAsync(("team findings", ReportFilter.None));
        versions.Advance(Tenant);
        await AnswerAsync(("team findings", ReportFilter.None));
        await AnswerAsync(("team findings", new ReportFilter(Team: "Sales")));
        clock.Advance(Lifetime);
        await AnswerAsync(("team findings", ReportFilter.None));
        versions.Advance(Guid.NewGuid());
        await AnswerAsync(("team findings", ReportFilter.None));

        Assert.Equal(4, computed);
    }

    [Fact]
    public async Task OutsideAWorkspaceNothingIsRemembered()
    {
        var none = new TenantContext();
        await AnswerAsync("lists", none);
        await AnswerAsync("lists", none);

        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task TheStoreKeepsAtMostItsLimitOfAnswersGivenMoreDistinctQuestions()
    {
        for (var i = 0; i < WorkspaceMemo.MaxAnswers + 100; i++)
        {
            await AnswerAsync(("directory page", i));
        }

        Assert.Equal(WorkspaceMemo.MaxAnswers + 100, computed);
        Assert.InRange(store.Cache.Count, 1, WorkspaceMemo.MaxAnswers);
    }
}
