using WorkSights.Domain.Common;
using WorkSights.Domain.Sessions;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Sessions;

public sealed class UserSessionTests
{
    private static readonly TimeSpan Absolute = TimeSpan.FromHours(12);
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    private static UserSession Start() => UserSession.Start(new string('a', 64), "TID", "OID", Guid.NewGuid(), Guid.NewGuid(), Now);

    [Fact]
    public void GoesOnUntilIdleGivenRequestsLessThanAnHourApart()
    {
        var session = Start();
        session.SeenAt(Now.AddMinutes(59));

        Assert.Null(session.LapseAt(Now.AddMinutes(118), Absolute, Idle));
        Assert.Equal(SessionEndReason.IdleTimeout, session.LapseAt(Now.AddMinutes(119), Absolute, Idle));
    }

    [Fact]
    public void LapsesAtTheAbsoluteLifetimeGivenConstantUse()
    {
        var session = Start();
        session.SeenAt(Now.AddHours(12).AddMinutes(-1));

        Assert.Null(session.LapseAt(Now.AddHours(12).AddMinutes(-1), Absolute, Idle));
        Assert.Equal(SessionEndReason.AbsoluteLifetime, session.LapseAt(Now.AddHours(12), Absolute, Idle));
    }

    [Fact]
    public void KeepsTheFirstEndGivenItEndsTwice()
    {
        var session = Start();

        session.End(Now.AddMinutes(5), SessionEndReason.SignedOut);
        session.End(Now.AddMinutes(9), SessionEndReason.AccessRemoved);

        Assert.Equal((true, Now.AddMinutes(5), SessionEndReason.SignedOut), (session.IsEnded, session.EndedAt, session.EndReason));
    }

    [Fact]
    public void StoresTheDirectoryIdsInLowerCase()
    {
        var session = Start();

        Assert.Equal(("tid", "oid"), (session.ExternalTenantId, session.ObjectId));
    }

    [Fact]
    public void RefusesAWorkspaceWithoutItsPerson() =>
        Assert.Throws<DomainRuleViolationException>(() => UserSession.Start(new string('a', 64), "tid", "oid", Guid.NewGuid(), null, Now));
}
