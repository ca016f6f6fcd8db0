using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class SourceActivitiesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly MailboxOwner Ann = new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        "ann@contoso.com",
        new HashSet<string>(["contoso.com", "contoso.co.uk"], StringComparer.OrdinalIgnoreCase));

    private static SentMail Mail(params string[] recipients) => new("msg-1", Start, "Quarterly numbers", recipients, IsDraft: false);

    private static CalendarEntry Entry(
        string? organizer = "ann@contoso.com",
        string? ownResponse = "organizer",
        bool cancelled = false,
        bool allDay = false,
        TimeSpan? length = null,
        params EventAttendee[] attendees) =>
        new("evt-1", "Planning", Start, Start + (length ?? TimeSpan.FromMinutes(30)), allDay, cancelled, organizer, attendees, ownResponse);

    private static EventAttendee Required(string address, string response = "accepted") => new(address, "required", response);

    [Fact]
    public void FromMailIsNullGivenADraft()
    {
        Assert.Null(SourceActivities.FromMail(Mail("bob@contoso.com") with { IsDraft = true }, Ann));
    }

    [Fact]
    public void FromMailCreditsFiveMinutesOfSentEmailAtTheSendingTime()
    {
        var record = SourceActivities.FromMail(Mail("bob@contoso.com"), Ann)!;

        Assert.Equal(Ann.TenantId, record.TenantId);
        Assert.Equal(Ann.PersonId, record.PersonId);
        Assert.Equal(ActivityKind.EmailSent, record.Kind);
        Assert.Equal(ActivitySource.Outlook, record.Source);
        Assert.Equal(Start, record.OccurredAt);
        Assert.Equal(TimeSpan.FromMinutes(5), record.Duration);
        Assert.Equal("Quarterly numbers", record.Title);
        Assert.Equal("msg-1", record.ExternalId);
    }

    [Fact]
    public void FromMailConvertsTheSendingTimeToUtc()
    {
        var record = SourceActivities.FromMail(Mail("bob@contoso.com") with { SentAt = new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.FromHours(2)) }, Ann)!;

        Assert.Equal(TimeSpan.Zero, record.OccurredAt.Offset);
        Assert.Equal(Start, record.OccurredAt);
    }

    [Fact]
    public void FromMailCountsEveryRecipient()
    {
        var record = SourceActivities.FromMail(Mail("bob@contoso.com", "carol@contoso.com", "dan@fabrikam.com"), Ann)!;

        Assert.Equal(3, record.CounterpartCount);
    }

    [Fact]
    public void FromMailIsInternalGivenOnlyWorkspaceDomains()
    {
        Assert.False(SourceActivities.FromMail(Mail("bob@contoso.com", "Carol@CONTOSO.CO.UK"), Ann)!.IsExternal);
    }

    [Fact]
    public void FromMailIsExternalGivenAnOutsideRecipient()
    {
        Assert.True(SourceActivities.FromMail(Mail("bob@contoso.com", "dan@fabrikam.com"), Ann)!.IsExternal);
    }

    [Fact]
    public void FromCalendarIsNullGivenACancelledEntry()
    {
        Assert.Null(SourceActivities.FromCalendar(Entry(cancelled: true, attendees: Required("bob@contoso.com")), Ann));
    }

    [Theory]
    [InlineData("declined")]
    [InlineData("Declined")]
    public void FromCalendarIsNullGivenTheOwnerDeclined(string response)
    {
        Assert.Null(SourceActivities.FromCalendar(Entry(organizer: "bob@contoso.com", ownResponse: response, attendees: Required("ann@contoso.com", response)), Ann));
    }

    [Fact]
    public void FromCalendarIsAScoredMeetingFromStartToEndGivenAnotherAttendee()
    {
        var record = SourceActivities.FromCalendar(Entry(length: TimeSpan.FromMinutes(45), attendees: [Required("ann@contoso.com", "organizer"), Required("bob@contoso.com")]), Ann)!;

        Assert.Equal(ActivityKind.Meeting, record.Kind);
        Assert.Equal(ActivitySource.OutlookCalendar, record.Source);
        Assert.Equal(Start, record.OccurredAt);
        Assert.Equal(TimeSpan.FromMinutes(45), record.Duration);
        Assert.Equal(1, record.CounterpartCount);
        Assert.Equal("Planning", record.Title);
        Assert.Equal("evt-1", record.ExternalId);
        Assert.True(Activity.Record(record, Start).IsScored);
    }

    [Fact]
    public void FromCalendarDoesNotCountDeclinedAttendees()
    {
        var record = SourceActivities.FromCalendar(Entry(attendees: [Required("bob@contoso.com", "declined"), Required("carol@contoso.com", "tentativelyAccepted")]), Ann)!;

        Assert.Equal(1, record.CounterpartCount);
    }

    [Fact]
    public void FromCalendarDoesNotCountRoomsOrResources()
    {
        var record = SourceActivities.FromCalendar(
            Entry(attendees: [new EventAttendee("room-4@contoso.com", "resource", "accepted"), new EventAttendee("projector@contoso.com", "Resource", "none")]),
            Ann)!;

        Assert.Equal(0, record.CounterpartCount);
        Assert.Equal(ActivityKind.CalendarBlock, record.Kind);
    }

    [Fact]
    public void FromCalendarDoesNotCountTheOwnerWhateverTheCase()
    {
        var record = SourceActivities.FromCalendar(Entry(organizer: "ANN@contoso.com", attendees: Required("Ann@Contoso.com")), Ann)!;

        Assert.Equal(0, record.CounterpartCount);
    }

    [Fact]
    public void FromCalendarCountsTheOrganizerGivenSomeoneElseOrganized()
    {
        var record = SourceActivities.FromCalendar(Entry(organizer: "bob@contoso.com", ownResponse: "accepted", attendees: Required("ann@contoso.com")), Ann)!;

        Assert.Equal(1, record.CounterpartCount);
        Assert.Equal(ActivityKind.Meeting, record.Kind);
    }

    [Fact]
    public void FromCalendarCountsAnOrganizerListedAsAttendeeOnce()
    {
        var record = SourceActivities.FromCalendar(
            Entry(organizer: "bob@contoso.com", ownResponse: "accepted", attendees: [Required("Bob@contoso.com", "organizer"), Required("ann@contoso.com")]),
            Ann)!;

        Assert.Equal(1, record.CounterpartCount);
    }

    [Fact]
    public void FromCalendarIsACalendarBlockThatIsNotScoredGivenNoOthers()
    {
        var record = SourceActivities.FromCalendar(Entry(organizer: null, ownResponse: null), Ann)!;

        Assert.Equal(ActivityKind.CalendarBlock, record.Kind);
        Assert.Equal(0, record.CounterpartCount);
        Assert.False(record.IsExternal);
        Assert.False(Activity.Record(record, Start).IsScored);
    }

    [Fact]
    public void FromCalendarIsExternalGivenAnOutsideParticipant()
    {
        var record = SourceActivities.FromCalendar(Entry(attendees: [Required("bob@contoso.com"), Required("dan@fabrikam.com")]), Ann)!;

        Assert.True(record.IsExternal);
        Assert.Equal(2, record.CounterpartCount);
    }

    [Fact]
    public void FromCalendarIsInternalGivenOnlyWorkspaceParticipants()
    {
        var record = SourceActivities.FromCalendar(Entry(attendees: [Required("bob@contoso.com"), Required("carol@CONTOSO.co.uk")]), Ann)!;

        Assert.False(record.IsExternal);
    }

    [Fact]
    public void FromCalendarIgnoresADeclinedOutsideAttendeeForExternal()
    {
        var record = SourceActivities.FromCalendar(Entry(attendees: [Required("bob@contoso.com"), Required("dan@fabrikam.com", "declined")]), Ann)!;

        Assert.False(record.IsExternal);
    }

    [Fact]
    public void FromCalendarAllDayEntryIsShownButNotScored()
    {
        var record = SourceActivities.FromCalendar(Entry(allDay: true, length: TimeSpan.FromDays(1), attendees: Required("bob@contoso.com")), Ann)!;

        var activity = Activity.Record(record, Start);

        Assert.False(activity.IsScored);
        Assert.Equal(TimeSpan.Zero, activity.CreditedDuration);
    }

    [Fact]
    public void FromCalendarMeetingOverTenHoursIsNotScored()
    {
        var record = SourceActivities.FromCalendar(Entry(length: TimeSpan.FromHours(10).Add(TimeSpan.FromMinutes(1)), attendees: Required("bob@contoso.com")), Ann)!;

        Assert.False(Activity.Record(record, Start).IsScored);
    }

    [Fact]
    public void FromCalendarCreditsZeroGivenAnEndBeforeTheStart()
    {
        var record = SourceActivities.FromCalendar(Entry(length: TimeSpan.FromMinutes(-30), attendees: Required("bob@contoso.com")), Ann)!;

        Assert.Equal(TimeSpan.Zero, record.Duration);
    }

    [Fact]
    public void FromCalendarConvertsTheStartToUtc()
    {
        var entry = Entry(attendees: Required("bob@contoso.com")) with
        {
            Start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)),
            End = new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1)),
        };

        var record = SourceActivities.FromCalendar(entry, Ann)!;

        Assert.Equal(TimeSpan.Zero, record.OccurredAt.Offset);
        Assert.Equal(Start, record.OccurredAt);
        Assert.Equal(TimeSpan.FromMinutes(30), record.Duration);
    }
}
