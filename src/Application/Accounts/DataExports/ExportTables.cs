using WorkSights.Domain.Activities;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Accounts.DataExports;

/// <summary>
/// The files an export can hold, each from a query its caller narrows (the whole workspace, or one person). Every file
/// reads its rows in the order of its table's key or of an index (the audit log and the workspace's activities in time
/// order), so that the database walks an index instead of sorting.
/// </summary>
internal static class ExportTables
{
    public static ExportTable People(IQueryable<Person> people) => new(
        "people",
        ["id", "directory_id", "email", "name", "team", "position", "manager_directory_id", "role", "login_access", "provisioning", "status", "imported_at", "updated_at"],
        ExportRows.Of(people.OrderBy(p => p.Id), p => [
            p.Id, p.ExternalId, p.Email, p.DisplayName, p.Department, p.JobTitle, p.ManagerExternalId, p.Role.ToString(), p.HasLoginAccess,
            p.ProvisioningState.ToString(), p.Status.ToString(), p.ImportedAt, p.UpdatedAt,
        ]));

    /// <summary>A few activities (one person's), in id order: SQLite finds them by person and sorts them.</summary>
    public static ExportTable Activities(IQueryable<Activity> activities) => ActivityFile(activities.OrderBy(a => a.Id));

    /// <summary>
    /// Every activity of the workspace, in time order along the (TenantId, OccurredAt, Id) index. In id order SQLite
    /// sorted all of them in memory before the first row (832 MB for 4.4 million, measured with the page benchmark's
    /// people suite); along the index it reads them as they are written.
    /// </summary>
    public static ExportTable WorkspaceActivities(IQueryable<Activity> activities) => ActivityFile(activities.OrderBy(a => a.OccurredAt).ThenBy(a => a.Id));

    private static ExportTable ActivityFile(IOrderedQueryable<Activity> activities) => new(
        "activities",
        ["id", "person_id", "kind", "source", "occurred_at", "credited_minutes", "scored", "title", "counterparts", "external", "city", "region", "country",
            "client_ip", "cloud_provider", "source_id", "synced_at", "corrected"],
        ExportRows.Of(activities, a => [
            a.Id, a.PersonId, a.Kind.ToString(), a.Source.ToString(), a.OccurredAt, ExportRows.Minutes(a.CreditedDuration), a.IsScored, a.Title,
            a.CounterpartCount, a.IsExternal, a.Location?.City, a.Location?.State, a.Location?.CountryOrRegion, a.ClientIp, a.CloudProvider,
            a.ExternalId, a.SyncedAt, a.IsCorrected,
        ]));

    /// <summary>The notification topics a person turned off (every other topic their role offers is on).</summary>
    public static ExportTable NotificationPreferences(IQueryable<NotificationPreferences> preferences) => new(
        "notification-preferences",
        ["topics_turned_off", "changed_at"],
        ExportRows.Of(preferences.OrderBy(p => p.Id), p => [string.Join(' ', Enum.GetValues<NotificationTopic>().Where(t => !p.IsOn(t))), p.ChangedAt]));

    public static ExportTable PersonDays(IQueryable<PersonDay> days) => new(
        "person-days",
        ["person_id", "date", "time_zone", "work_day", "holiday", "target_minutes", "credited_minutes", "score", "band", "after_hours_minutes",
            "meeting_minutes", "call_minutes", "email_minutes", "chat_minutes", "file_minutes", "login_minutes", "items", "first_activity",
            "last_activity", "summary", "model_version"],
        ExportRows.Of(days.OrderBy(d => d.PersonId).ThenBy(d => d.Date), d => [
            d.PersonId, d.Date, d.TimeZoneId, d.IsWorkDay, d.IsHoliday, ExportRows.Minutes(d.DailyTarget), ExportRows.Minutes(d.Credited), d.Score,
            d.Band.ToString(), ExportRows.Minutes(d.AfterHours), ExportRows.Minutes(d.InternalMeetings + d.ExternalMeetings), ExportRows.Minutes(d.Calls),
            ExportRows.Minutes(d.Email), ExportRows.Minutes(d.Chat), ExportRows.Minutes(d.Files), ExportRows.Minutes(d.Logins), d.ItemCount,
            d.FirstActivity, d.LastActivity, d.Summary, d.ModelVersion,
        ]));

    public static ExportTable DayLocations(IQueryable<PersonDayLocation> locations) => new(
        "day-locations",
        ["person_id", "date", "city", "country", "latitude", "longitude", "items"],
        ExportRows.Of(locations.OrderBy(l => l.PersonId).ThenBy(l => l.Date).ThenBy(l => l.City).ThenBy(l => l.CountryOrRegion), l => [
            l.PersonId, l.Date, l.City, l.CountryOrRegion, l.Latitude, l.Longitude, l.ItemCount,
        ]));

    public static ExportTable Corrections(IQueryable<ActivityCorrection> corrections) => new(
        "corrections",
        ["id", "activity_id", "person_id", "corrected_by", "corrected_at", "previous_minutes", "corrected_minutes"],
        ExportRows.Of(corrections.OrderBy(c => c.Id), c => [
            c.Id, c.ActivityId, c.PersonId, c.CorrectedBy, c.CorrectedAt, ExportRows.Minutes(c.Previous), ExportRows.Minutes(c.Corrected),
        ]));

    public static ExportTable AuditLog(IQueryable<AuditEntry> entries) => new(
        "audit-log",
        ["id", "at", "by_person_id", "action", "subject", "before", "after"],
        ExportRows.Of(entries.OrderBy(e => e.At).ThenBy(e => e.Id), e => [e.Id, e.At, e.ByPersonId, e.Action, e.Subject, e.Before, e.After]));
}
