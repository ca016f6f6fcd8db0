using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Accounts.GetAuditLog;

public sealed class GetAuditLogQueryHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, IWorkCalendars calendars)
    : IQueryHandler<GetAuditLogQuery, AuditLogDto>
{
    public const string WorkSightsName = "WorkSights";

    public const string UnknownPersonName = "Someone no longer in the directory";

    /// <summary>Who signed up before the directory was imported: the entry's own text names them.</summary>
    public const string NotYetInDirectoryName = "Someone not yet in the directory";

    public async ValueTask<AuditLogDto> Handle(GetAuditLogQuery query, CancellationToken cancellationToken)
    {
        _ = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var zone = await ViewerZoneAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (query.PersonId is { } personId)
        {
            entries = entries.Where(e => e.ByPersonId == personId);
        }

        if (query.From is { } from)
        {
            var start = from.AtStartOfDayInZone(zone).ToDateTimeOffset();
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.PlusDays(1).AtStartOfDayInZone(zone).ToDateTimeOffset();
            entries = entries.Where(e => e.At < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pageSize = query.PageSize == GetAuditLogQuery.EveryEntry ? Math.Max(total, 1) : query.PageSize;
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var page = Math.Min(query.Page, lastPage);
        var rows = await entries
            .OrderByDescending(e => e.At).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        var people = await NamesAsync(rows.Select(r => r.ByPersonId), cancellationToken);
        var items = rows.Select(e => new AuditLogRow(
                e.Id,
                Instant.FromDateTimeOffset(e.At).InZone(zone).LocalDateTime,
                e.ByPersonId is { } by ? people.GetValueOrDefault(by, UnknownPersonName) : e.FromAddress is null ? WorkSightsName : NotYetInDirectoryName,
                e.Action,
                AuditActionLabels.Of(e.Action),
                e.Subject,
                e.Before,
                e.After,
                e.FromAddress))
            .ToList();

        return new AuditLogDto(new PagedList<AuditLogRow>(items, page, pageSize, total), await ActionsAsync(cancellationToken), await PeopleAsync(cancellationToken), zone.Id);
    }

    /// <summary>The viewer's own time zone; the workspace's for someone without a calendar.</summary>
    private async Task<DateTimeZone> ViewerZoneAsync(CancellationToken cancellationToken)
    {
        if (currentUser.PersonId is { } viewer && (await calendars.ForPeopleAsync([viewer], cancellationToken)).TryGetValue(viewer, out var calendar))
        {
            return calendar.Zone;
        }

        var workspaceZone = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantContext.TenantId).Select(t => t.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return workspaceZone is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(workspaceZone) ?? DateTimeZone.Utc;
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }

    private async Task<IReadOnlyList<AuditActionOption>> ActionsAsync(CancellationToken cancellationToken) =>
        (await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync(cancellationToken))
            .Select(a => new AuditActionOption(a, AuditActionLabels.Of(a)))
            .OrderBy(a => a.Label, StringComparer.Ordinal)
            .ToList();

    /// <summary>Everyone who made a change, by name.</summary>
    private async Task<IReadOnlyList<AuditPersonOption>> PeopleAsync(CancellationToken cancellationToken)
    {
        var ids = await db.AuditEntries.AsNoTracking().Where(e => e.ByPersonId != null).Select(e => e.ByPersonId).Distinct().ToListAsync(cancellationToken);
        var names = await NamesAsync(ids, cancellationToken);
        return ids.OfType<Guid>()
            .Select(id => new AuditPersonOption(id, names.GetValueOrDefault(id, UnknownPersonName)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }
}
