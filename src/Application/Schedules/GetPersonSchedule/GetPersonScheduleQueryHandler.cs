using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Schedules.GetPersonSchedule;

public sealed class GetPersonScheduleQueryHandler(
    IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, IImportedWorkSettings imported, TimeProvider clock)
    : IQueryHandler<GetPersonScheduleQuery, PersonScheduleDto>
{
    public async ValueTask<PersonScheduleDto> Handle(GetPersonScheduleQuery query, CancellationToken cancellationToken)
    {
        var person = await ScheduleEditors.PersonTheyMayEditAsync(db, currentUser, query.PersonId, cancellationToken);
        var workspace = await WorkspaceCalendarDefaults.LoadAsync(db, tenant, cancellationToken);
        var settings = await db.PersonScheduleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == person.Id, cancellationToken);
        var named = await db.NamedSchedules.AsNoTracking().ToListAsync(cancellationToken);
        var custom = await db.CustomSchedules.AsNoTracking().Where(c => c.PersonId == person.Id).OrderBy(c => c.From).ToListAsync(cancellationToken);
        var mailbox = (await imported.ForPeopleAsync([person.Id], cancellationToken)).GetValueOrDefault(person.Id);
        var onSchedule = named.SingleOrDefault(s => s.Id == settings?.NamedScheduleId);
        var calendar = CalendarRules.Resolve(workspace, settings, onSchedule, custom, mailbox);

        var today = clock.GetUtcNow().ToInstant().InZone(calendar.Zone).Date;
        var monday = today.PlusDays(-((int)today.DayOfWeek - 1));
        var week = Enumerable.Range(0, 7).Select(offset =>
        {
            var date = monday.PlusDays(offset);
            var day = calendar.DayOf(date);
            var hours = day.WorkHours is { } work
                ? $"{Local(work.Start, calendar.Zone):HH:mm}–{Local(work.End, calendar.Zone):HH:mm}"
                : "off";
            return new ScheduledDayDto(date.ToDateOnly(), hours, day.IsHoliday);
        }).ToList();

        var zoneSource = settings?.TimeZoneId is not null ? "set in WorkSights" : mailbox?.Zone is not null ? "from Outlook" : "workspace default";
        var hoursSource = onSchedule is not null ? $"schedule \u201c{onSchedule.Name}\u201d" : mailbox?.Hours is not null ? "Outlook working hours" : "workspace default";
        return new PersonScheduleDto(
            person.Id,
            person.DisplayName,
            settings?.NamedScheduleId,
            settings?.TargetPercent,
            settings?.HolidayRegion,
            settings?.TimeZoneId,
            calendar.Zone.Id,
            zoneSource,
            settings?.TargetPercent ?? workspace.TargetPercent,
            settings?.HolidayRegion ?? workspace.DefaultRegion,
            hoursSource,
            week,
            [.. custom.Select(c => new CustomScheduleDto(c.Id, c.Label, c.From, c.To, ScheduleText.Of(c.Week), [.. c.Week.MondayToSunday.Select(d => d.ToString())]))],
            NamedScheduleChoiceDto.Of(named));
    }

    private static LocalTime Local(DateTimeOffset instant, DateTimeZone zone) => instant.ToInstant().InZone(zone).TimeOfDay;
}
