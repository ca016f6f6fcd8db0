using WorkSights.Domain.Activities;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Accounts.DataExports;

/// <summary>
/// The workspace export's files under privacy mode: each person is their pseudonym, and what would name them — e-mail,
/// name, directory ids, position, titles, client addresses, the source's item ids — is left out.
/// </summary>
internal sealed class PseudonymousExportTables(Func<Guid, string> pseudonymOf)
{
    public ExportTable People(IQueryable<Person> people) => new(
        "people",
        ["person", "team", "role", "login_access", "provisioning", "status", "imported_at", "updated_at"],
        ExportRows.Of(people.OrderBy(p => p.Id), p => [
            pseudonymOf(p.Id), p.Department, p.Role.ToString(), p.HasLoginAccess, p.ProvisioningState.ToString(), p.Status.ToString(), p.ImportedAt, p.UpdatedAt,
        ]));

    /// <summary>In time order along the (TenantId, OccurredAt, Id) index, as <see cref="ExportTables.WorkspaceActivities"/>.</summary>
    public ExportTable Activities(IQueryable<Activity> activities) => new(
        "activities",
        ["id", "person", "kind", "source", "occurred_at", "credited_minutes", "scored", "counterparts", "external", "city", "region", "country",
            "cloud_provider", "synced_at", "corrected"],
        ExportRows.Of(activities.OrderBy(a => a.OccurredAt).ThenBy(a => a.Id), a => [
            a.Id, pseudonymOf(a.PersonId), a.Kind.ToString(), a.Source.ToString(), a.OccurredAt, ExportRows.Minutes(a.CreditedDuration), a.IsScored,
            a.CounterpartCount, a.IsExternal, a.Location?.City, a.Location?.State, a.Location?.CountryOrRegion, a.CloudProvider, a.SyncedAt, a.IsCorrected,
        ]));

    public ExportTable PersonDays(IQueryable<PersonDay> days)
    {
        var table = ExportTables.PersonDays(days);
        return table with
        {
            Columns = ["person", .. table.Columns.Skip(1)],
            Rows = WithPseudonym(table.Rows),
        };
    }

    /// <summary>The log keeps what was changed, as the audit page shows it to Owners; who changed it is a pseudonym.</summary>
    public ExportTable AuditLog(IQueryable<AuditEntry> entries) => new(
        "audit-log",
        ["id", "at", "by", "action", "subject", "before", "after"],
        ExportRows.Of(entries.OrderBy(e => e.At).ThenBy(e => e.Id), e => [
            e.Id, e.At, e.ByPersonId is { } by ? pseudonymOf(by) : "WorkSights", e.Action, e.Subject, e.Before, e.After,
        ]));

    private async IAsyncEnumerable<object?[]> WithPseudonym(IAsyncEnumerable<object?[]> rows)
    {
        await foreach (var row in rows)
        {
            row[0] = pseudonymOf((Guid)row[0]!);
            yield return row;
        }
    }
}
