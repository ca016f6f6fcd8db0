using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetFindings;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Notifications.GetMyNotifications;

/// <summary>
/// Each topic counted from what is stored; the findings through the same queries as the overviews, so the same rules and
/// privacy apply. The menu asks after every page a person opens, so the answer is remembered until the workspace's next
/// stored change (a choice saved, a correction, a sync) and for a few minutes at most.
/// </summary>
public sealed class GetMyNotificationsQueryHandler(
    IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, IMediator mediator, WorkspaceMemo memo, TimeProvider clock)
    : IQueryHandler<GetMyNotificationsQuery, IReadOnlyList<NotificationDto>>
{
    /// <summary>How far back a correction by someone else is worth pointing out.</summary>
    public static readonly TimeSpan CorrectionsShownFor = TimeSpan.FromDays(14);

    /// <summary>How long an answer is kept at most: corrections age out of their 14 days without a stored change.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    public async ValueTask<IReadOnlyList<NotificationDto>> Handle(GetMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var (tenantId, personId, role) = (tenant.TenantId, currentUser.PersonId, currentUser.Role) is ({ } t, { } p, { } r)
            ? (t, p, r)
            : throw new ForbiddenAccessException("Sign in to a workspace to see its notifications.");
        return await memo.GetOrComputeAsync(("notifications", personId, role), Remembered, () => CountAllAsync(tenantId, personId, role, cancellationToken));
    }

    private async Task<IReadOnlyList<NotificationDto>> CountAllAsync(Guid tenantId, Guid personId, PersonRole role, CancellationToken cancellationToken)
    {
        var preferences = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        var notifications = new List<NotificationDto>();
        foreach (var topic in NotificationTopics.For(role).Where(t => preferences?.IsOn(t) ?? true))
        {
            var count = await CountAsync(topic, tenantId, personId, cancellationToken);
            if (count > 0)
            {
                notifications.Add(new NotificationDto(topic, count));
            }
        }

        return notifications;
    }

    private async Task<int> CountAsync(NotificationTopic topic, Guid tenantId, Guid personId, CancellationToken cancellationToken) => topic switch
    {
        NotificationTopic.MyFindings => (await mediator.Send(new GetMyFindingsQuery(), cancellationToken)).Count,
        NotificationTopic.TeamFindings => await TeamFindingsAsync(personId, cancellationToken),
        NotificationTopic.CorrectionsOfMyDay => await CorrectionsByOthersAsync(personId, cancellationToken),
        NotificationTopic.PeopleToReview => await db.People.CountAsync(p => p.ProvisioningState == ProvisioningState.New && p.Status != PersonStatus.Removed, cancellationToken),
        NotificationTopic.ConnectionProblems => await ConnectionProblemsAsync(tenantId, cancellationToken),
        NotificationTopic.ErasureRequests => await db.ErasureRequests.CountAsync(cancellationToken),
        _ => 0,
    };

    private async Task<int> TeamFindingsAsync(Guid personId, CancellationToken cancellationToken)
    {
        try
        {
            return (await mediator.Send(new GetTeamFindingsQuery(new ReportFilter()), cancellationToken)).Count(f => f.PersonId != personId);
        }
        catch (GroupWithheldException)
        {
            return 0;
        }
    }

    private Task<int> CorrectionsByOthersAsync(Guid personId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - CorrectionsShownFor;
        return db.ActivityCorrections.CountAsync(c => c.PersonId == personId && c.CorrectedBy != personId && c.CorrectedAt >= since, cancellationToken);
    }

    /// <summary>Consent revoked, the audit log off, or a last run that failed; a connection an admin switched off is their choice, not a problem.</summary>
    private async Task<int> ConnectionProblemsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var revoked = await db.Tenants.AnyAsync(t => t.Id == tenantId && t.Status == TenantStatus.ConsentRevoked, cancellationToken) ? 1 : 0;
        var failing = await db.ConnectedServices.CountAsync(
            s => !s.IsDisconnected && (s.AuditLogOffSince != null || (s.LastErrorAt != null && (s.RunCompletedAt == null || s.LastErrorAt > s.RunCompletedAt))),
            cancellationToken);
        return revoked + failing;
    }
}
