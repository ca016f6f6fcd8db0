using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.GetServiceView;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>A provisioned workspace in one test database.</summary>
public sealed record Workspace(TestDatabase Database, Guid TenantId, SandboxTenantInfo Organisation);

/// <summary>
/// Activity sync against the sandbox: the sandbox and the application share one fake clock, the workspace is provisioned
/// by a real directory import and has a connected service, and every sync runs the real handler the way a job does
/// (fresh context, fresh tenant context, the real Graph adapter).
/// </summary>
public abstract class MailboxSyncTestBase : DirectoryImportTestBase
{
    private SandboxMailbox? mailbox;

    /// <summary>The application's clock; the sandbox sees the same one.</summary>
    protected virtual TimeProvider AppClock => Clock;

    protected sealed override TimeProvider SandboxClock => AppClock;

    /// <summary>The sandbox's mail and calendar read with plain HTTP, to know what should be stored.</summary>
    protected SandboxMailbox SandboxMailbox => mailbox ??= new SandboxMailbox(Sandbox);

    protected Task<Workspace> ProvisionAsync(SandboxTenantInfo organisation) => ProvisionAsync(Database, organisation);

    /// <summary>Consent, a directory import and a connected service with every feature on.</summary>
    protected async Task<Workspace> ProvisionAsync(TestDatabase database, SandboxTenantInfo organisation)
    {
        var now = Clock.GetUtcNow();
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, organisation.TenantId, organisation.PrimaryDomain, now);
        tenant.GrantConsent(now);
        await using (var db = database.NewContext(new TenantContext()))
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }

        var workspace = new Workspace(database, tenant.Id, organisation);
        await ImportAsync(workspace);
        await InScopeAsync(workspace, async db =>
        {
            db.ConnectedServices.Add(ConnectedService.For(tenant.Id, IdentityProvider.Microsoft365));
            await db.SaveChangesAsync();
        });
        return workspace;
    }

    protected async Task<DirectoryImportResult> ImportAsync(Workspace workspace)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext);
        var result = await new ImportDirectoryCommandHandler(db, tenantContext, Sandbox.Reader, new GraphMailboxSettingsReader(Sandbox.Clients), Clock)
            .Handle(new ImportDirectoryCommand(workspace.TenantId), CancellationToken.None);
        Assert.Equal(DirectoryImportOutcome.Completed, result.Outcome);
        return result;
    }

    /// <summary>One run of the real handler, as the scheduler's job would run it.</summary>
    protected async Task<SyncResult> SyncAsync(
        Workspace workspace, Person person, ServiceFeature feature, IMailboxReader? reader = null, params IInterceptor[] interceptors)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext, interceptors);
        var handler = new SyncMailboxCommandHandler(db, tenantContext, reader ?? Sandbox.MailboxReader, AppClock);
        var result = await handler.Handle(new SyncMailboxCommand(workspace.TenantId, person.Id, feature), CancellationToken.None);
        Assert.Null(tenantContext.TenantId);
        return result;
    }

    protected async Task<SyncResult> SyncCompletedAsync(Workspace workspace, Person person, ServiceFeature feature)
    {
        var result = await SyncAsync(workspace, person, feature);
        Assert.True(result.Outcome == SyncOutcome.Completed, $"{feature} of {person.Email}: {result}");
        return result;
    }

    /// <summary>Email then calendar of each person, each to completion.</summary>
    protected async Task SyncAllAsync(Workspace workspace, IEnumerable<Person> people)
    {
        foreach (var person in people)
        {
            await SyncCompletedAsync(workspace, person, ServiceFeature.Email);
            await SyncCompletedAsync(workspace, person, ServiceFeature.Calendar);
        }
    }

    protected async Task InScopeAsync(Workspace workspace, Func<ApplicationDbContext, Task> action)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(workspace.TenantId);
        await action(db);
    }

    protected async Task<T> InScopeAsync<T>(Workspace workspace, Func<ApplicationDbContext, Task<T>> query)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(workspace.TenantId);
        return await query(db);
    }

    protected Task<Person> PersonAsync(Workspace workspace, string email) =>
        InScopeAsync(workspace, db => db.People.AsNoTracking().SingleAsync(p => p.Email == email));

    /// <summary>The first <paramref name="count"/> people (by directory id) the sandbox generates work for, excluding <paramref name="except"/>.</summary>
    protected async Task<List<Person>> WorkersAsync(Workspace workspace, int count, params string[] except)
    {
        var people = await InScopeAsync(workspace, db => db.People.AsNoTracking()
            .Where(p => p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked)
            .OrderBy(p => p.ExternalId)
            .ToListAsync());
        return [.. people
            .Where(p => !except.Contains(p.Email, StringComparer.OrdinalIgnoreCase))
            .Where(p => Sandbox.Directory.GetWorkProfile(workspace.Organisation.TenantId, p.ExternalId) is { HasActivity: true })
            .Take(count)];
    }

    /// <summary>The same directory identities as <paramref name="people"/>, as imported into another workspace.</summary>
    protected async Task<List<Person>> SamePeopleAsync(Workspace workspace, IEnumerable<Person> people)
    {
        var ids = people.Select(p => p.ExternalId).ToList();
        var found = await InScopeAsync(workspace, db => db.People.AsNoTracking().Where(p => ids.Contains(p.ExternalId)).ToListAsync());
        return [.. ids.Select(id => found.Single(p => p.ExternalId == id))];
    }

    protected Task<SyncCheckpoint?> CheckpointAsync(Workspace workspace, Person person, ServiceFeature feature) =>
        InScopeAsync(workspace, db => db.SyncCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.PersonId == person.Id && c.Feature == feature));

    protected Task<ConnectedService> ServiceAsync(Workspace workspace) =>
        InScopeAsync(workspace, db => db.ConnectedServices.AsNoTracking().SingleAsync());

    protected Task UpdateServiceAsync(Workspace workspace, Action<ConnectedService> change) =>
        InScopeAsync(workspace, async db =>
        {
            change(await db.ConnectedServices.SingleAsync());
            await db.SaveChangesAsync();
        });

    protected async Task<ServiceViewDto> ServiceViewAsync(Workspace workspace)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(workspace.TenantId);
        return await new GetServiceViewQueryHandler(db, tenantContext, [], Microsoft.Extensions.Options.Options.Create(new WorkSights.Application.Onboarding.RecheckConsent.ConsentRecheckOptions()), AppClock).Handle(new GetServiceViewQuery(), CancellationToken.None);
    }

    /// <summary>The workspace's activities as comparable rows (person by directory id), ordered.</summary>
    protected async Task<List<ActivityRow>> ActivityRowsAsync(Workspace workspace, Person? person = null, ActivitySource? source = null)
    {
        var rows = await InScopeAsync(workspace, db =>
            (from a in db.Activities.AsNoTracking()
             join p in db.People.AsNoTracking() on a.PersonId equals p.Id
             where (person == null || a.PersonId == person.Id) && (source == null || a.Source == source)
             select new ActivityRow(p.ExternalId, a.Source, a.ExternalId, a.Kind, a.OccurredAt, a.CreditedDuration, a.IsScored, a.Title, a.CounterpartCount, a.IsExternal))
            .ToListAsync());
        return Ordered(rows);
    }

    protected static List<ActivityRow> Ordered(IEnumerable<ActivityRow> rows) =>
        [.. rows.OrderBy(r => r.PersonExternalId, StringComparer.Ordinal).ThenBy(r => r.Source).ThenBy(r => r.ExternalId, StringComparer.Ordinal)];

    /// <summary>What the sandbox holds for the person's mail since <paramref name="since"/> and calendar window, as activities.</summary>
    protected async Task<List<ActivityRow>> ExpectedRowsAsync(Workspace workspace, Person person, DateTimeOffset since, DateTimeOffset calendarFrom, DateTimeOffset calendarTo)
    {
        var tenantId = workspace.Organisation.TenantId;
        var mail = await SandboxMailbox.SentMailAsync(tenantId, person.ExternalId, since);
        var calendar = await SandboxMailbox.CalendarAsync(tenantId, person.ExternalId, calendarFrom, calendarTo);
        return Ordered(
            mail.Select(m => ExpectedActivities.FromMail(person.ExternalId, m, SandboxMailbox.ContosoDomains))
                .Concat(calendar.Select(e => ExpectedActivities.FromEvent(person.ExternalId, OwnAddress(workspace, person), e, SandboxMailbox.ContosoDomains)))
                .OfType<ActivityRow>());
    }

    /// <summary>The person's address as the sandbox's directory has it.</summary>
    protected string OwnAddress(Workspace workspace, Person person)
    {
        var user = Sandbox.Directory.FindUser(workspace.Organisation.TenantId, person.ExternalId) ?? throw new InvalidOperationException($"{person.Email} is not in the sandbox.");
        return user.Mail ?? user.UserPrincipalName;
    }

    /// <summary>Same as <see cref="ExpectedRowsAsync(Workspace, Person, DateTimeOffset, DateTimeOffset, DateTimeOffset)"/> with the windows a first sync at <paramref name="at"/> reads.</summary>
    protected Task<List<ActivityRow>> ExpectedRowsAsync(Workspace workspace, Person person, DateTimeOffset at) =>
        ExpectedRowsAsync(workspace, person, at - SyncMailboxCommandHandler.Backfill, at - SyncMailboxCommandHandler.Backfill, at + SyncMailboxCommandHandler.CalendarLookAhead);

    /// <summary>The <c>$deltatoken</c> of a stored delta link.</summary>
    protected static string DeltaTokenOf(string link) =>
        link.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "$deltatoken")[1];

    /// <summary>Row-by-row equality with a readable first difference.</summary>
    protected static void AssertSameRows(IReadOnlyList<ActivityRow> expected, IReadOnlyList<ActivityRow> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"{missing.Count} rows missing (first: {missing.FirstOrDefault()}), {extra.Count} unexpected (first: {extra.FirstOrDefault()}), {expected.Count} expected, {actual.Count} stored.");
        Assert.Equal(expected, actual);
    }
}
