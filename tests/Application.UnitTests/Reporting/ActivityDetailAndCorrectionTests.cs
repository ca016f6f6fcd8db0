using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Reporting.CorrectActivityDuration;
using WorkSights.Application.Reporting.GetActivityDetail;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class ActivityDetailAndCorrectionTests : IAsyncLifetime
{
    private ReportingWorkspace w = null!;
    private Activity meeting = null!;
    private Activity email = null!;
    private Activity block = null!;

    public async Task InitializeAsync()
    {
        w = await ReportingWorkspace.CreateAsync();
        meeting = await w.AddItemAsync(w.Zoe, ActivityKind.Meeting, ReportingWorkspace.At(9), TimeSpan.FromHours(2), "Pipeline review", 3);
        email = await w.AddItemAsync(w.Zoe, ActivityKind.EmailSent, ReportingWorkspace.At(12), CreditingRules.SentEmail, "Re: quote");
        block = await w.AddItemAsync(w.Zoe, ActivityKind.CalendarBlock, ReportingWorkspace.At(14), TimeSpan.FromHours(1), "Focus", 0);
        await w.ComputeDayAsync(w.Zoe);
    }

    public Task DisposeAsync()
    {
        w.Dispose();
        return Task.CompletedTask;
    }

    private Task<ActivityDetailDto> DetailAsync(Person viewer, Person person) =>
        w.AsAsync(viewer, async (db, scopes, calendars) =>
            await new GetActivityDetailQueryHandler(db, scopes, calendars).Handle(new GetActivityDetailQuery(person.Id, ReportingWorkspace.Day), CancellationToken.None));

    private Task<CorrectionResult> CorrectAsync(Person viewer, Activity item, int minutes, RecordingRecomputer? recomputer = null) =>
        w.AsAsync(viewer, async (db, scopes, calendars) =>
            await new CorrectActivityDurationCommandHandler(db, scopes, calendars, recomputer ?? new RecordingRecomputer(), w.Database.Clock)
                .Handle(new CorrectActivityDurationCommand(item.Id, minutes), CancellationToken.None));

    [Fact]
    public async Task DetailListsEveryItemWithWhetherAndWhyItIsScored()
    {
        var detail = await DetailAsync(w.Mia, w.Zoe);

        Assert.Equal([ActivityKind.Meeting, ActivityKind.EmailSent, ActivityKind.CalendarBlock], detail.Items.Select(i => i.Kind));
        Assert.Equal(UnscoredReason.CalendarBlock, detail.Items[2].Unscored);
        Assert.Equal(TimeSpan.FromHours(2), detail.Items[0].Credited);
        Assert.Equal("Pipeline review", detail.Items[0].Title);
        Assert.Equal(3, detail.Items[0].CounterpartCount);
        Assert.Equal(33, detail.Result!.Score); // 2 h 05 m of 6 h 24 m
        Assert.Equal(3, detail.Timeline.Items.Count);
        Assert.True(detail.CanCorrect);
        Assert.False(detail.Items[2].CanCorrect);
        Assert.Equal(TimeSpan.FromHours(2), detail.Items[0].MaximumCorrection);
    }

    [Fact]
    public async Task PeopleOutsideTheViewersScopeOrWorkspaceAreNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => DetailAsync(w.Tom, w.Zoe));
        await Assert.ThrowsAsync<NotFoundException>(() => DetailAsync(w.Mia, w.Tom));
        await Assert.ThrowsAsync<NotFoundException>(() => DetailAsync(w.Ceo, w.Oli));
        Assert.Equal("Zoe", (await DetailAsync(w.Zoe, w.Zoe)).Name);
    }

    [Fact]
    public async Task MemberMayCorrectTheirOwnItemsOnly()
    {
        var own = await DetailAsync(w.Zoe, w.Zoe);

        Assert.True(own.CanCorrect);
        await Assert.ThrowsAsync<NotFoundException>(() => CorrectAsync(w.Tom, meeting, 30));
    }

    [Fact]
    public async Task CorrectionChangesTheItemRecordsWhoChangedWhatMarksTheDayAndRecomputesIt()
    {
        var recomputer = new RecordingRecomputer();

        var result = await CorrectAsync(w.Mia, email, 25, recomputer);

        Assert.Equal([new PersonDate(w.Zoe.Id, ReportingWorkspace.Day)], recomputer.Days);
        Assert.Equal([ReportingWorkspace.Day], result.Dates);
        await w.InWorkspaceAsync(w.Zoe.TenantId, async db =>
        {
            var stored = await db.Activities.SingleAsync(a => a.Id == email.Id);
            Assert.True(stored.IsCorrected);
            Assert.Equal(TimeSpan.FromMinutes(25), stored.CreditedDuration);
            var correction = await db.ActivityCorrections.SingleAsync();
            Assert.Equal((w.Mia.Id, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25)), (correction.CorrectedBy, correction.Previous, correction.Corrected));
            Assert.Equal(w.Database.Clock.GetUtcNow(), correction.CorrectedAt);
            Assert.True(await db.DirtyPersonDays.AnyAsync(d => d.PersonId == w.Zoe.Id && d.Date == ReportingWorkspace.Day));
        });
    }

    [Fact]
    public async Task CorrectedDayScoresWithTheNewDurationOnceRecomputed()
    {
        await CorrectAsync(w.Zoe, email, 120);

        var day = await w.ComputeDayAsync(w.Zoe);
        var detail = await DetailAsync(w.Zoe, w.Zoe);

        Assert.Equal(TimeSpan.FromHours(4), day.Credited);
        Assert.Equal(63, day.Score);
        Assert.Single(detail.Corrections);
        Assert.True(detail.Items.Single(i => i.Id == email.Id).IsCorrected);
    }

    [Fact]
    public async Task MeetingCannotBeCreditedWithMoreThanItLastedEvenAfterAnEarlierCorrection()
    {
        await CorrectAsync(w.Zoe, meeting, 60);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => CorrectAsync(w.Zoe, meeting, 121));
        await CorrectAsync(w.Zoe, meeting, 120);

        Assert.Equal("This item can be credited with at most 120 minutes.", refused.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task UnscoredItemsCannotBeCorrected()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => CorrectAsync(w.Zoe, block, 30));

        Assert.Contains("not scored", refused.Errors.Single().ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemOfAnotherWorkspaceIsNotFound()
    {
        var foreign = await w.AddItemAsync(w.Oli, ActivityKind.EmailSent, ReportingWorkspace.At(9), CreditingRules.SentEmail);

        await Assert.ThrowsAsync<NotFoundException>(() => CorrectAsync(w.Ceo, foreign, 10));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void ValidatorRefusesDurationsOutsideZeroToTenHours(int minutes)
    {
        var error = Assert.Single(new CorrectActivityDurationCommandValidator().Validate(new CorrectActivityDurationCommand(Guid.NewGuid(), minutes)).Errors);

        Assert.Equal("A credited duration is between 0 and 600 minutes (10 hours).", error.ErrorMessage);
    }
}
