using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Utility;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Directory.ImportWorkSettings;

/// <summary>The imported mailbox settings as the score calendars take them: zones resolved, working hours only when complete.</summary>
public sealed class StoredWorkSettings(IApplicationDbContext db) : IImportedWorkSettings
{
    public async Task<IReadOnlyDictionary<Guid, ImportedWorkSettings>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.ToList();
        var rows = await db.PersonMailboxSettings.AsNoTracking().Where(s => ids.Contains(s.PersonId)).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            s => s.PersonId,
            s =>
            {
                var zone = ZoneOrNull(s.TimeZoneId);
                var hoursZone = ZoneOrNull(s.WorkingHoursTimeZoneId) ?? zone;
                var hours = s is { WorkStart: { } start, WorkEnd: { } end } && hoursZone is not null && s.WorkDays.Count > 0
                    ? new ImportedWorkingHours(hoursZone, s.WorkDays.Select(BclConversions.ToIsoDayOfWeek).ToHashSet(), LocalTime.FromTimeOnly(start), LocalTime.FromTimeOnly(end))
                    : null;
                return new ImportedWorkSettings(zone, hours);
            });
    }

    private static DateTimeZone? ZoneOrNull(string? id) => id is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
}
