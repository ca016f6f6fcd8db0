using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.CorrectActivityDuration;

/// <remarks>
/// The correction and its record are saved together with the dirty marks of the days the item touches (the save path
/// marks every changed activity's days); the item's local days are then recomputed at once. Should that recompute fail, the marks remain and the background recompute catches up.
/// </remarks>
public sealed class CorrectActivityDurationCommandHandler(
    IApplicationDbContext db, ViewerScopes scopes, IWorkCalendars calendars, IPersonDayRecomputer recomputer, TimeProvider clock)
    : ICommandHandler<CorrectActivityDurationCommand, CorrectionResult>
{
    public async ValueTask<CorrectionResult> Handle(CorrectActivityDurationCommand command, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == command.ActivityId, cancellationToken);
        if (activity is null || !scope.Sees(activity.PersonId) || (scope.Role == PersonRole.Member && activity.PersonId != scope.ViewerId))
        {
            throw new NotFoundException("That item");
        }

        if (!CorrectionLimits.CanBeCorrected(activity.Kind, activity.IsScored))
        {
            throw Invalid("This item is not scored, so its duration cannot be corrected.");
        }

        var original = await db.ActivityCorrections.AsNoTracking()
            .Where(c => c.ActivityId == activity.Id)
            .OrderBy(c => c.CorrectedAt)
            .Select(c => (TimeSpan?)c.Previous)
            .FirstOrDefaultAsync(cancellationToken) ?? activity.CreditedDuration;
        var maximum = CorrectionLimits.MaximumFor(activity.Kind, original);
        var corrected = TimeSpan.FromMinutes(command.Minutes);
        if (corrected > maximum)
        {
            throw Invalid($"This item can be credited with at most {(int)maximum.TotalMinutes} minutes.");
        }

        var now = clock.GetUtcNow();
        var previous = activity.CreditedDuration;
        activity.CorrectCreditedDuration(corrected);
        db.ActivityCorrections.Add(ActivityCorrection.Record(activity, scope.ViewerId, previous, now));

        var calendar = (await calendars.ForPeopleAsync([activity.PersonId], cancellationToken))[activity.PersonId];
        var last = activity.OccurredAt + (corrected > previous ? corrected : previous);
        var dates = new SortedSet<DateOnly> { calendar.DateOf(activity.OccurredAt).ToDateOnly() };
        if (last > activity.OccurredAt)
        {
            dates.Add(calendar.DateOf(last - TimeSpan.FromTicks(1)).ToDateOnly());
        }

        await db.SaveChangesAsync(cancellationToken);
        await recomputer.RecomputeAsync(dates.Select(d => new PersonDate(activity.PersonId, d)).ToList(), cancellationToken);
        return new CorrectionResult(activity.PersonId, dates.ToList());
    }

    private static ValidationException Invalid(string message) =>
        new(message, [new ValidationFailure(nameof(CorrectActivityDurationCommand.Minutes), message)]);
}
