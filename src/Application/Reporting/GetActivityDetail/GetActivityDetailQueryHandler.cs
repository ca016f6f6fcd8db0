using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.CorrectActivityDuration;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.GetActivityDetail;

/// <remarks>
/// The items are run through the score engine with the person's calendar, so that each says exactly why it is or is
/// not scored; the day's score itself is the stored result, as every other page shows it.
/// </remarks>
public sealed class GetActivityDetailQueryHandler(IApplicationDbContext db, ViewerScopes scopes, IWorkCalendars calendars)
    : IQueryHandler<GetActivityDetailQuery, ActivityDetailDto>
{
    public async ValueTask<ActivityDetailDto> Handle(GetActivityDetailQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var person = scope.Sees(query.PersonId)
            ? await db.People.AsNoTracking().Where(p => p.Id == query.PersonId).Select(p => new { p.Id, p.DisplayName, p.Department, p.JobTitle }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (person is null || !(await calendars.ForPeopleAsync([person.Id], cancellationToken)).TryGetValue(person.Id, out var calendar))
        {
            throw new NotFoundException("That person");
        }

        var day = calendar.DayOf(LocalDate.FromDateOnly(query.Date));
        var from = day.Bounds.Start - Activity.MaximumCreditedDuration;
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.PersonId == person.Id && a.OccurredAt >= from && a.OccurredAt < day.Bounds.End)
            .ToListAsync(cancellationToken);
        var byId = activities.ToDictionary(a => a.Id);
        var table = await WorkspaceCreditingTable.ReadAsync(db, cancellationToken);
        var result = ScoreEngine.Compute(day, activities.Select(ScoringActivity.From), table);
        var shown = result.Items.Where(i => i.Activity.Start >= day.Bounds.Start || i.Credited is not null).ToList();

        var shownIds = shown.Select(i => i.Activity.Id).ToList();
        var corrections = await db.ActivityCorrections.AsNoTracking()
            .Where(c => c.PersonId == person.Id && shownIds.Contains(c.ActivityId))
            .OrderBy(c => c.CorrectedAt)
            .ToListAsync(cancellationToken);
        var correctorIds = corrections.Select(c => c.CorrectedBy).Distinct().ToList();
        var correctors = await db.People.AsNoTracking().Where(p => correctorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => scope.NameOf(p.Id, p.DisplayName), cancellationToken);

        // Under privacy mode another person's titles ("1:1 with Dana") and job title would undo their pseudonym.
        var pseudonymous = scope.SeesPseudonyms && person.Id != scope.ViewerId;
        var originals = corrections.GroupBy(c => c.ActivityId).ToDictionary(g => g.Key, g => g.First().Previous);

        var canCorrect = scope.Role != PersonRole.Member || person.Id == scope.ViewerId;
        var items = shown.Select(item =>
        {
            var activity = byId[item.Activity.Id];
            var original = originals.TryGetValue(activity.Id, out var previous) ? previous : activity.CreditedDuration;
            return new ActivityItemDto(
                activity.Id,
                activity.Kind,
                activity.Source,
                activity.OccurredAt,
                activity.CreditedDuration,
                item.Credited?.Length ?? TimeSpan.Zero,
                pseudonymous ? null : activity.Title,
                activity.CounterpartCount,
                activity.IsExternal,
                activity.Location?.City,
                activity.Location?.CountryOrRegion,
                activity.CloudProvider,
                item.Unscored,
                activity.IsCorrected,
                canCorrect && CorrectionLimits.CanBeCorrected(activity.Kind, activity.IsScored),
                CorrectionLimits.MaximumFor(activity.Kind, original));
        }).ToList();

        var stored = await db.PersonDays.AsNoTracking().FirstOrDefaultAsync(d => d.PersonId == person.Id && d.Date == query.Date, cancellationToken);
        var timeline = new DayTimeline(
            query.Date,
            calendar.Zone.Id,
            day.Bounds.Start,
            day.Bounds.End,
            day.WorkHours?.Start,
            day.WorkHours?.End,
            activities.Select(a => TimelineItem.Within(a.Kind, a.OccurredAt, table.LengthOf(a.Kind, a.CreditedDuration, a.IsCorrected), a.IsScored, day.Bounds.Start, day.Bounds.End)).OfType<TimelineItem>().OrderBy(i => i.Start).ToList());

        return new ActivityDetailDto(
            person.Id,
            scope.NameOf(person.Id, person.DisplayName),
            person.Department,
            pseudonymous ? null : person.JobTitle,
            query.Date,
            calendar.Zone.Id,
            scope.SeesScores,
            canCorrect,
            stored is null
                ? null
                : new DayResultDto(
                    scope.SeesScores ? stored.Score : null,
                    scope.SeesScores ? stored.Band : null,
                    stored.IsWorkDay,
                    stored.IsHoliday,
                    stored.Credited,
                    stored.DailyTarget,
                    stored.AfterHours,
                    DaySummaries.ForViewer(stored.Summary, scope.SeesScores),
                    stored.ModelVersion),
            timeline,
            items,
            corrections.Select(c => new CorrectionDto(c.ActivityId, correctors.GetValueOrDefault(c.CorrectedBy, "Someone"), c.CorrectedAt, c.Previous, c.Corrected)).ToList());
    }
}
