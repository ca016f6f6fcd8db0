using System.Text.Json.Nodes;

namespace WorkSights.Sandbox;

/// <summary>
/// A person's Outlook mailbox settings (Graph <c>microsoft.graph.mailboxSettings</c>), derived from their work profile so
/// that the time zone and working hours agree with the zone and hours the generator places their activity in.
/// </summary>
internal static class SandboxMailboxSettings
{
    public const string All = "";
    public const string WorkingHours = "workingHours";
    public const string TimeZone = "timeZone";
    public const string UserPurpose = "userPurpose";

    /// <summary>Graph's <c>userPurpose</c> values the sandbox serves (v1.0 also has linked, others and unknownFutureValue).</summary>
    public const string PersonPurpose = "user";
    public const string SharedPurpose = "shared";
    public const string RoomPurpose = "room";
    public const string EquipmentPurpose = "equipment";

    public static readonly IReadOnlyList<string> Purposes = [PersonPurpose, SharedPurpose, RoomPurpose, EquipmentPurpose];

    /// <summary>A mailbox that belongs to nobody in particular: Graph serves its settings, though no one works in it.</summary>
    public static bool IsResourceMailbox(SandboxUser user) => user.MailboxPurpose is SharedPurpose or RoomPurpose or EquipmentPurpose && user.Mail is not null;

    /// <summary>Outlook's working day: the usual start plus nine hours (a lunch break included), as Outlook's 08:00–17:00 default.</summary>
    public const int WorkingHoursLength = 9 * 60;

    /// <summary>Share of mailboxes whose time zone is set up in Windows format (Microsoft's default); the rest use IANA names.</summary>
    private const double WindowsFormatShare = 0.6;

    private static readonly string[] WorkDays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    private static readonly Dictionary<string, (string Locale, string Language, string DateFormat, string TimeFormat)> Locales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = ("en-US", "English (United States)", "M/d/yyyy", "h:mm tt"),
        ["CA"] = ("en-CA", "English (Canada)", "yyyy-MM-dd", "h:mm tt"),
        ["GB"] = ("en-GB", "English (United Kingdom)", "dd/MM/yyyy", "HH:mm"),
        ["DE"] = ("de-DE", "Deutsch (Deutschland)", "dd.MM.yyyy", "HH:mm"),
        ["IN"] = ("en-IN", "English (India)", "dd-MM-yyyy", "HH:mm"),
        ["AU"] = ("en-AU", "English (Australia)", "d/MM/yyyy", "h:mm tt"),
    };

    /// <summary>The mailbox's zone name: the Windows name of <paramref name="ianaZone"/> for most people, else the IANA name.</summary>
    public static string ZoneNameFor(string userId, string ianaZone) =>
        WorkRng.Unit("mailbox-zone:" + userId) < WindowsFormatShare && TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaZone, out var windows)
            ? windows
            : ianaZone;

    /// <summary>The whole settings object, or one of its <paramref name="part"/>s (<see cref="WorkingHours"/>, <see cref="TimeZone"/>, <see cref="UserPurpose"/>).</summary>
    /// <param name="context">The <c>@odata.context</c> of the whole settings object.</param>
    /// <param name="user">The user as the directory has them now: a mailbox converted since the roster was made says so.</param>
    public static JsonObject Render(WorkPerson person, SandboxUser user, string part, string context) => part switch
    {
        WorkingHours => WithContext(WorkingHoursOf(person.Profile), $"{context}/workingHours"),
        TimeZone => new JsonObject { ["@odata.context"] = $"{context}/timeZone", ["value"] = person.Profile.MailboxTimeZone },
        UserPurpose => new JsonObject { ["@odata.context"] = $"{context}/userPurpose", ["value"] = PurposeOf(user) },
        _ => Whole(person, user, context),
    };

    private static JsonObject Whole(WorkPerson person, SandboxUser user, string context)
    {
        var profile = person.Profile;
        var (locale, language, dateFormat, timeFormat) = Locales.GetValueOrDefault(profile.CountryCode, Locales["US"]);
        return new JsonObject
        {
            ["@odata.context"] = context,
            ["archiveFolder"] = WorkGenerator.GraphId("AAMkAGI", "archive:" + person.Id),
            ["timeZone"] = profile.MailboxTimeZone,
            ["delegateMeetingMessageDeliveryOptions"] = "sendToDelegateOnly",
            ["dateFormat"] = dateFormat,
            ["timeFormat"] = timeFormat,
            // An enum in Graph's v1.0 metadata (and so a string to the SDK), though a docs example shows {"value": "user"}.
            ["userPurpose"] = PurposeOf(user),
            ["automaticRepliesSetting"] = new JsonObject
            {
                ["status"] = "disabled",
                ["externalAudience"] = "all",
                ["internalReplyMessage"] = string.Empty,
                ["externalReplyMessage"] = string.Empty,
                ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = "2025-01-01T00:00:00.0000000", ["timeZone"] = "UTC" },
                ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = "2025-01-02T00:00:00.0000000", ["timeZone"] = "UTC" },
            },
            ["language"] = new JsonObject { ["locale"] = locale, ["displayName"] = language },
            ["workingHours"] = WorkingHoursOf(profile),
        };
    }

    private static string PurposeOf(SandboxUser user) => user.MailboxPurpose ?? PersonPurpose;

    private static JsonObject WorkingHoursOf(SandboxWorkProfile profile) => new()
    {
        ["daysOfWeek"] = new JsonArray([.. WorkDays.Select(d => JsonValue.Create(d))]),
        ["startTime"] = TimeOfDay(profile.UsualStartMinutes),
        ["endTime"] = TimeOfDay(profile.WorkingHoursEndMinutes),
        ["timeZone"] = new JsonObject { ["name"] = profile.MailboxTimeZone },
    };

    private static JsonObject WithContext(JsonObject body, string context)
    {
        var result = new JsonObject { ["@odata.context"] = context };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            result[name] = value;
        }

        return result;
    }

    /// <summary>Edm.TimeOfDay as Outlook writes it: "08:30:00.0000000".</summary>
    private static string TimeOfDay(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}:00.0000000";
}
