using WorkSights.Domain.Common;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Scores;

public sealed class WorkspaceCreditingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void TableHoldsEveryDurationGivenAndTheChangeIsDatedInUtc()
    {
        var tuned = new CreditingTable(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4), TimeSpan.Zero, TimeSpan.FromHours(8));
        var by = Guid.NewGuid();

        var crediting = WorkspaceCrediting.For(Guid.NewGuid(), tuned, by, Now);

        Assert.Equal(tuned, crediting.Table);
        Assert.Equal("1:600,120,180,240,0,28800", crediting.Table.ModelVersion);
        Assert.Equal((by, TimeSpan.Zero, Now), (crediting.ChangedBy, crediting.ChangedAt.Offset, crediting.ChangedAt));
    }

    [Fact]
    public void ChangeReplacesTheWholeTableAndWhoChangedIt()
    {
        var crediting = WorkspaceCrediting.For(Guid.NewGuid(), CreditingTable.Default, Guid.NewGuid(), Now);
        var tuned = new CreditingTable(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        var by = Guid.NewGuid();

        crediting.Change(tuned, by, Now.AddDays(1));

        Assert.Equal(tuned, crediting.Table);
        Assert.Equal((by, Now.AddDays(1)), (crediting.ChangedBy, crediting.ChangedAt));
    }

    [Fact]
    public void ForThrowsGivenNoWorkspace()
    {
        Assert.Throws<DomainRuleViolationException>(() => WorkspaceCrediting.For(Guid.Empty, CreditingTable.Default, Guid.NewGuid(), Now));
    }
}
