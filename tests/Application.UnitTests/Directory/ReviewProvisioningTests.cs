using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory.ReviewProvisioning;
using WorkSights.Application.UnitTests.Reporting;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Directory;

/// <summary>The User Provisioning review's command: one identity or many, with its rules, its audit and what it does to activity.</summary>
public sealed class ReviewProvisioningTests : IAsyncLifetime
{
    private ReportingWorkspace workspace = null!;
    private Person owner = null!;

    public async Task InitializeAsync()
    {
        workspace = await ReportingWorkspace.CreateAsync();
        owner = await workspace.Database.AddPersonAsync(workspace.Ceo.TenantId, "ada", "ada@contoso.com", ProvisioningState.AlreadyLinked, p => p.MakeOwner());
    }

    public Task DisposeAsync()
    {
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private Guid TenantId => workspace.Ceo.TenantId;

    private Task<int> ReviewAsync(ReviewProvisioningCommand command, Person? editor = null) =>
        workspace.InWorkspaceAsync(TenantId, db =>
            new ReviewProvisioningCommandHandler(db, workspace.Database.TenantContext, new FakeCurrentUser((editor ?? owner).Role, (editor ?? owner).Id), workspace.Database.Clock)
                .Handle(command, CancellationToken.None).AsTask());

    private Task<T> ReadAsync<T>(Func<Infrastructure.Persistence.ApplicationDbContext, Task<T>> read) => workspace.InWorkspaceAsync(TenantId, read);

    private async Task<Activity> AddMailAsync(Person person, string externalId, DateTimeOffset at)
    {
        var item = Activity.Record(new ActivityRecord(TenantId, person.Id, ActivityKind.EmailSent, ActivitySource.Outlook, at, CreditingRules.SentEmail, "Plan", 1, false, externalId), at);
        await workspace.InWorkspaceAsync(TenantId, db =>
        {
            db.Activities.Add(item);
            return Task.CompletedTask;
        });
        return item;
    }

    [Fact]
    public async Task BlockingRemovesTheirActivityAndDaysMarksTheDatesAndAuditsBeforeAndAfter()
    {
        await workspace.AddItemAsync(workspace.Tom, ActivityKind.Meeting, ReportingWorkspace.At(10), TimeSpan.FromHours(1));
        await workspace.ComputeDayAsync(workspace.Tom);
        await ReadAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        var changed = await ReviewAsync(new ReviewProvisioningCommand([workspace.Tom.Id], null, ProvisioningState.Blocked));

        Assert.Equal(1, changed);
        var tom = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == workspace.Tom.Id));
        Assert.Equal(ProvisioningState.Blocked, tom.ProvisioningState);
        Assert.Equal((0, 0), (await ReadAsync(db => db.Activities.CountAsync(a => a.PersonId == tom.Id)), await ReadAsync(db => db.PersonDays.CountAsync(d => d.PersonId == tom.Id))));
        Assert.True(await ReadAsync(db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == tom.Id && d.Date == ReportingWorkspace.Day)));
        var entry = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "person.provisioning.changed"));
        Assert.Equal((tom.DisplayName, "New", "Blocked", owner.Id), (entry.Subject, entry.Before, entry.After, entry.ByPersonId));
    }

    [Fact]
    public async Task LinkingMovesPastActivityToTheTargetOnceAndMarksTheTargetsDays()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        var shared = await AddMailAsync(workspace.Zoe, "mail-both", ReportingWorkspace.At(9));
        await AddMailAsync(secondAddress, "mail-both", ReportingWorkspace.At(9));
        var own = await AddMailAsync(secondAddress, "mail-own", ReportingWorkspace.At(11));
        await ReadAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email.ToUpperInvariant()));

        var linked = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == secondAddress.Id));
        Assert.Equal((ProvisioningState.Link, workspace.Zoe.Id), (linked.ProvisioningState, linked.LinkedPersonId));
        var zoes = await ReadAsync(db => db.Activities.Where(a => a.PersonId == workspace.Zoe.Id).Select(a => a.ExternalId).OrderBy(e => e).ToListAsync());
        Assert.Equal(["mail-both", "mail-own"], zoes);
        Assert.Equal(0, await ReadAsync(db => db.Activities.CountAsync(a => a.PersonId == secondAddress.Id)));
        Assert.True(await ReadAsync(db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == workspace.Zoe.Id && d.Date == ReportingWorkspace.Day)));
        var entry = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "person.provisioning.changed"));
        Assert.Equal(("Link", $"Linked to {workspace.Zoe.DisplayName}"), (entry.Before, entry.After));
        _ = (shared, own);
    }

    [Fact]
    public async Task EveryoneMatchingTheFilterChangesGivenAllMatching()
    {
        var blockedIds = new List<Guid>();
        foreach (var name in new[] { "svc-one", "svc-two" })
        {
            blockedIds.Add((await workspace.Database.AddPersonAsync(TenantId, name, $"{name}@contoso.com", ProvisioningState.Blocked)).Id);
        }

        var changed = await ReviewAsync(new ReviewProvisioningCommand([], new ProvisioningFilter(ProvisioningState.Blocked, "svc-"), ProvisioningState.New));

        Assert.Equal(2, changed);
        Assert.Equal(2, await ReadAsync(db => db.People.CountAsync(p => blockedIds.Contains(p.Id) && p.ProvisioningState == ProvisioningState.New)));
        Assert.Equal(2, await ReadAsync(db => db.AuditEntries.CountAsync(e => e.Before == "Blocked" && e.After == "New")));
    }

    [Fact]
    public async Task RefusesBlockingYourselfTheLastOwnerOrAnOwnerAsTechnicalAdmin()
    {
        var admin = await workspace.Database.AddPersonAsync(TenantId, "tim", "tim@contoso.com", change: p =>
        {
            p.GrantLoginAccess();
            p.AssignRole(PersonRole.TechnicalAdmin);
        });

        await Assert.ThrowsAsync<DomainRuleViolationException>(() => ReviewAsync(new ReviewProvisioningCommand([owner.Id], null, ProvisioningState.Blocked)));
        await Assert.ThrowsAsync<DomainRuleViolationException>(() => ReviewAsync(new ReviewProvisioningCommand([admin.Id], null, ProvisioningState.Blocked), admin));
        var ownerRefused = await Assert.ThrowsAsync<DomainRuleViolationException>(() => ReviewAsync(new ReviewProvisioningCommand([owner.Id], null, ProvisioningState.Blocked), admin));

        Assert.Contains("Only an Owner", ownerRefused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(db => db.People.CountAsync(p => p.ProvisioningState == ProvisioningState.Blocked)));
    }

    [Fact]
    public async Task RefusesMembersInTheHandlerAndAnotherWorkspacesIdIsNotFound()
    {
        var member = workspace.Tom;

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ReviewAsync(new ReviewProvisioningCommand([workspace.Zoe.Id], null, ProvisioningState.Blocked), member));
        await Assert.ThrowsAsync<NotFoundException>(() => ReviewAsync(new ReviewProvisioningCommand([workspace.Oli.Id], null, ProvisioningState.Blocked)));
        Assert.Equal(ProvisioningState.New, (await workspace.InWorkspaceAsync(workspace.Oli.TenantId, db => db.People.SingleAsync(p => p.Id == workspace.Oli.Id))).ProvisioningState);
        foreach (var role in new[] { PersonRole.Member, PersonRole.Manager, PersonRole.Executive })
        {
            Assert.False(await AuthorizationProbe.ReachesHandlerAsync<ReviewProvisioningCommand, int>(role, new ReviewProvisioningCommand([member.Id], null, ProvisioningState.Blocked)));
        }

        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<ReviewProvisioningCommand, int>(PersonRole.TechnicalAdmin, new ReviewProvisioningCommand([member.Id], null, ProvisioningState.Blocked)));
    }

    [Fact]
    public async Task RefusesLinkingToSomeoneSelectedOrBlockingATargetOthersAreLinkedTo()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email));

        await Assert.ThrowsAsync<DomainRuleViolationException>(() => ReviewAsync(new ReviewProvisioningCommand([workspace.Zoe.Id, workspace.Tom.Id], null, ProvisioningState.Link, workspace.Zoe.Email)));
        var chained = await Assert.ThrowsAsync<DomainRuleViolationException>(() => ReviewAsync(new ReviewProvisioningCommand([workspace.Zoe.Id], null, ProvisioningState.Blocked)));
        await Assert.ThrowsAsync<DomainRuleViolationException>(() => ReviewAsync(new ReviewProvisioningCommand([workspace.Tom.Id], null, ProvisioningState.Link, "nobody@contoso.com")));

        Assert.Contains("is linked to someone selected", chained.Message, StringComparison.Ordinal);
    }
}
