using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportWorkSettings;
using WorkSights.Application.Ingestion.Feeds;
using WorkSights.Application.Onboarding.RecheckConsent;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;

namespace WorkSights.Application.Ingestion.GetServiceView;

public sealed class GetServiceViewQueryHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IEnumerable<IFeedImport> feedImports,
    IOptions<ConsentRecheckOptions> consentRecheck,
    TimeProvider clock)
    : IQueryHandler<GetServiceViewQuery, ServiceViewDto>
{
    public async ValueTask<ServiceViewDto> Handle(GetServiceViewQuery query, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var service = await db.ConnectedServices.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ConnectedService.For(tenant.Id, tenant.Provider);
        var directory = await db.DirectorySyncStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var people = await db.People.CountAsync(p => p.Status != PersonStatus.Removed, cancellationToken);
        var counts = await db.ServiceActivityCounts.AsNoTracking().Select(c => new { c.Kind, c.Count }).ToListAsync(cancellationToken);

        var available = ImportedFeatures.FromMailboxes
            .Concat(feedImports.SelectMany(i => i.Feeds).Select(TenantFeeds.FeatureOf))
            .ToHashSet();
        var features = ShownInOrder
            .Select(f => new ServiceFeatureDto(f, service.IsEnabled(f), available.Contains(f), counts.Where(c => FeatureOf(c.Kind) == f).Sum(c => c.Count)))
            .ToList();
        var problems = new[]
            {
                service.LastErrorAt is { } at ? new ServiceProblemDto(at, service.LastError!) : null,
                directory is { LastError: not null, LastAttemptAt: { } dirAt } ? new ServiceProblemDto(dirAt, $"Directory: {directory.LastError}") : null,
            }
            .OfType<ServiceProblemDto>()
            .OrderByDescending(p => p.At)
            .ToList();

        var now = clock.GetUtcNow();
        var nextCheck = tenant.NextConsentCheckAt(consentRecheck.Value.Interval);
        return new ServiceViewDto(
            tenant.Provider,
            tenant.PrimaryDomain,
            service.StatusAt(tenant.Status, now),
            tenant.ConsentRevokedAt,
            service.RunCompletedAt,
            service.ThrottledUntil,
            service.PeopleInRun,
            service.PeopleDone,
            features,
            problems,
            people,
            directory?.LastSucceededAt,
            service.AuditLogOffSince,
            service.NextSyncFor(tenant.Status, now),
            service.IsRunning,
            service.WasInterrupted ? service.RunInterruptedAt : null,
            tenant.ConsentRecoveredAt,
            nextCheck is { } due && due < now ? now : nextCheck,
            directory?.MailboxSettingsDeniedSince is { } refusedSince
                ? [new MissingPermissionDto(MailboxSettingsPermission.Required.Name, MailboxSettingsPermission.Required.Purpose, refusedSince)]
                : []);
    }

    private static readonly ServiceFeature[] ShownInOrder =
    [
        ServiceFeature.Email, ServiceFeature.MailboxAccess, ServiceFeature.Calendar, ServiceFeature.Calls,
        ServiceFeature.Chat, ServiceFeature.Files, ServiceFeature.Logins,
    ];

    private static ServiceFeature FeatureOf(ActivityKind kind) => kind switch
    {
        ActivityKind.EmailSent => ServiceFeature.Email,
        ActivityKind.MailboxAccess => ServiceFeature.MailboxAccess,
        ActivityKind.Meeting or ActivityKind.CalendarBlock or ActivityKind.CalendarResponse => ServiceFeature.Calendar,
        ActivityKind.Call => ServiceFeature.Calls,
        ActivityKind.ChatMessage => ServiceFeature.Chat,
        ActivityKind.FileAction => ServiceFeature.Files,
        _ => ServiceFeature.Logins,
    };
}
