namespace WorkSights.Domain.Scores;

/// <summary>The categories a day's credited time is split into; the first listed wins where items overlap.</summary>
public enum ScoreComponent
{
    ExternalMeetings = 0,
    InternalMeetings = 1,
    Calls = 2,
    Email = 3,
    Chat = 4,
    Files = 5,
    Logins = 6,
}
