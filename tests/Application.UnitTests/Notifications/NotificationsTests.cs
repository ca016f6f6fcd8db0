using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Notifications.GetMyNotifications;
using WorkSights.Application.Notifications.GetNotificationPreferences;
using WorkSights.Application.Notifications.SaveNotificationPreferences;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Notifications;

/// <summary>What a person is told about, counted from what is stored, and the topics they keep on.</summary>
public sealed class NotificationsTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TechnicalAdminIsToldOfPeopleWaitingForReviewAndARevokedConsentAndNothingElse()
    {
        var tenant = await database.AddTenantAsync("tenant-a", "contoso.com");
        var admin = await database.AddPersonAsync(tenant.Id, "oid-tom", "tom@contoso.com", ProvisioningState.AlreadyLinked);
        await database.AddPersonAsync(tenant.Id, "oid-new-1", "new1@contoso.com");
        await database.AddPersonAsync(tenant.Id, "oid-new-2", "new2@contoso.com");
        await database.AddPersonAsync(tenant.Id, "oid-gone", "gone@contoso.com", change: p => p.MarkRemovedFromDirectory(database.Clock.GetUtcNow()));

        Assert.Equal([new NotificationDto(NotificationTopic.PeopleToReview, 2)], await NotificationsAsync(tenant.Id, admin.Id, PersonRole.TechnicalAdmin));

        await using (var db = database.CreateContext())
        {
            (await db.Tenants.SingleAsync(t => t.Id == tenant.Id)).RevokeConsent(database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Equal(
            [new NotificationDto(NotificationTopic.PeopleToReview, 2), new NotificationDto(NotificationTopic.ConnectionProblems, 1)],
            await NotificationsAsync(tenant.Id, admin.Id, PersonRole.TechnicalAdmin));
    }

    [Fact]
    public async Task MemberIsToldOfRecentCorrectionsBySomeoneElseOnlyAndNotOfTopicsTurnedOff()
    {
        var tenant = await database.AddTenantAsync("tenant-a", "contoso.com");
        var member = await database.AddPersonAsync(tenant.Id, "oid-lena", "lena@contoso.com", ProvisioningState.AlreadyLinked);
        var manager = await database.AddPersonAsync(tenant.Id, "oid-mia", "mia@contoso.com", ProvisioningState.AlreadyLinked);
        var now = database.Clock.GetUtcNow();
        using (database.TenantContext.BeginScope(tenant.Id))
        await using (var db = database.CreateContext())
        {
            var corrections = new List<ActivityCorrection>();
            foreach (var (by, at) in new[] { (manager.Id, now.AddDays(-1)), (manager.Id, now.AddDays(-20)), (member.Id, now.AddHours(-1)) })
            {
                var activity = Activity.Record(
                    new ActivityRecord(tenant.Id, member.Id, ActivityKind.EmailSent, ActivitySource.Outlook, at, TimeSpan.FromMinutes(5), null, 1, false, $"mail-{Guid.NewGuid()}"), at);
                var previous = activity.CreditedDuration;
                activity.CorrectCreditedDuration(TimeSpan.FromMinutes(30));
                db.Activities.Add(activity);
                corrections.Add(ActivityCorrection.Record(activity, by, previous, at));
            }

            await db.SaveChangesAsync();
            db.ActivityCorrections.AddRange(corrections);
            await db.SaveChangesAsync();
        }

        await SaveAsync(tenant.Id, member.Id, PersonRole.Member, [NotificationTopic.CorrectionsOfMyDay]);
        Assert.Equal([new NotificationDto(NotificationTopic.CorrectionsOfMyDay, 1)], await NotificationsAsync(tenant.Id, member.Id, PersonRole.Member));

        await SaveAsync(tenant.Id, member.Id, PersonRole.Member, []);
        Assert.Empty(await NotificationsAsync(tenant.Id, member.Id, PersonRole.Member));
        Assert.All(await PreferencesAsync(tenant.Id, member.Id, PersonRole.Member), setting => Assert.False(setting.IsOn));
    }

    [Fact]
    public async Task SavingKeepsTheTickedTopicsOnAndRefusesATopicTheRoleIsNotOffered()
    {
        var tenant = await database.AddTenantAsync("tenant-a", "contoso.com");
        var owner = await database.AddPersonAsync(tenant.Id, "oid-ada", "ada@contoso.com", ProvisioningState.AlreadyLinked);
        var member = await database.AddPersonAsync(tenant.Id, "oid-lena", "lena@contoso.com", ProvisioningState.AlreadyLinked);

        Assert.All(await PreferencesAsync(tenant.Id, owner.Id, PersonRole.Owner), setting => Assert.True(setting.IsOn));
        await SaveAsync(tenant.Id, owner.Id, PersonRole.Owner, [NotificationTopic.ErasureRequests, NotificationTopic.ErasureRequests]);

        Assert.Equal([NotificationTopic.ErasureRequests], (await PreferencesAsync(tenant.Id, owner.Id, PersonRole.Owner)).Where(s => s.IsOn).Select(s => s.Topic));
        await Assert.ThrowsAsync<DomainRuleViolationException>(() => SaveAsync(tenant.Id, member.Id, PersonRole.Member, [NotificationTopic.ErasureRequests]));
        Assert.Equal(2, (await PreferencesAsync(tenant.Id, member.Id, PersonRole.Member)).Count(s => s.IsOn));
    }

    /// <summary>With the findings topics off or not offered, the handler never needs the mediator.</summary>
    private async Task<IReadOnlyList<NotificationDto>> NotificationsAsync(Guid tenantId, Guid personId, PersonRole role)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        var memo = new WorkspaceMemo(new WorkspaceMemoStore(), new ReportedDataVersions(), database.TenantContext, database.Clock);
        return await new GetMyNotificationsQueryHandler(db, database.TenantContext, new FakeCurrentUser(role, personId), null!, memo, database.Clock)
            .Handle(new GetMyNotificationsQuery(), CancellationToken.None);
    }

    private async Task<IReadOnlyList<NotificationSettingDto>> PreferencesAsync(Guid tenantId, Guid personId, PersonRole role)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new GetNotificationPreferencesQueryHandler(db, new FakeCurrentUser(role, personId)).Handle(new GetNotificationPreferencesQuery(), CancellationToken.None);
    }

    private async Task SaveAsync(Guid tenantId, Guid personId, PersonRole role, IReadOnlyList<NotificationTopic> on)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        await new SaveNotificationPreferencesCommandHandler(db, new FakeCurrentUser(role, personId), database.Clock).Handle(new SaveNotificationPreferencesCommand(on), CancellationToken.None);
    }
}
