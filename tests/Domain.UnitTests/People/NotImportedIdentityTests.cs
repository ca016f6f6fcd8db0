using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Domain.UnitTests.People;

public sealed class NotImportedIdentityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordKeepsTheLowercasedIdsAddressNameAndReason()
    {
        var tenantId = Guid.NewGuid();

        var identity = NotImportedIdentity.Record(tenantId, "OID-Room", " Boardroom@Contoso.com ", " Boardroom ", NotImportedReason.Room, Now);

        Assert.Equal((tenantId, "oid-room", "boardroom@contoso.com", "Boardroom", NotImportedReason.Room, Now, Now),
            (identity.TenantId, identity.ExternalId, identity.Email, identity.DisplayName, identity.Reason, identity.FirstSeenAt, identity.UpdatedAt));
    }

    [Fact]
    public void RefreshReportsAChangeOnlyGivenADifferentNameAddressOrReason()
    {
        var identity = NotImportedIdentity.Record(Guid.NewGuid(), "oid-info", "info@contoso.com", "Contoso Info", NotImportedReason.SharedMailbox, Now);

        var unchanged = identity.Refresh("INFO@contoso.com", "Contoso Info", NotImportedReason.SharedMailbox, Now.AddHours(1));
        var changed = identity.Refresh("info@contoso.com", "Contoso Info", NotImportedReason.Room, Now.AddHours(2));

        Assert.Equal((false, true), (unchanged, changed));
        Assert.Equal((NotImportedReason.Room, Now.AddHours(2), Now), (identity.Reason, identity.UpdatedAt, identity.FirstSeenAt));
    }

    [Fact]
    public void RecordIsRefusedGivenNoWorkspaceOrAnUnknownReason()
    {
        Assert.Throws<DomainRuleViolationException>(() => NotImportedIdentity.Record(Guid.Empty, "oid", "a@contoso.com", "A", NotImportedReason.Guest, Now));
        Assert.Throws<DomainRuleViolationException>(() => NotImportedIdentity.Record(Guid.NewGuid(), "oid", "a@contoso.com", "A", (NotImportedReason)99, Now));
    }
}
