using WorkSights.Domain.Activities;

namespace WorkSights.Application.Ingestion.Feeds.CallRecords;

/// <summary>One call as timeline items: one per workspace participant, credited with the union of that participant's own sessions.</summary>
internal static class CallActivities
{
    public static IEnumerable<ActivityRecord> Of(TeamsCall call, FeedImportContext context)
    {
        var identities = IdentitiesOf(call).ToList();
        var participants = identities.Select(KeyOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var isExternal = identities.Any(i => IsOutside(i, context.Tenant.ExternalTenantId));

        var sessionsByPerson = call.Sessions
            .SelectMany(s => new[] { s.Caller, s.Callee }.OfType<CallIdentity>().Where(i => i.UserId is not null).Select(i => (i.UserId!, Session: s)))
            .Select(x => (Person: context.FindPerson(x.Item1, null), x.Session, UserId: x.Item1))
            .Where(x => x.Person is not null)
            .GroupBy(x => x.Person!.Value);

        foreach (var person in sessionsByPerson)
        {
            var intervals = person.Select(x => (x.Session.Start.ToUniversalTime(), x.Session.End.ToUniversalTime())).ToList();
            var ownKeys = person.Select(x => x.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var readFor = ownKeys.Select(k => context.LinkedIdentity(k, null)).Distinct().ToList();
            yield return new ActivityRecord(
                context.Tenant.Id,
                person.Key,
                ActivityKind.Call,
                ActivitySource.Teams,
                intervals.Min(i => i.Item1),
                UnionLength(intervals),
                call.IsGroupCall ? "Group call" : "Teams call",
                participants.Count(p => !ownKeys.Contains(p)),
                isExternal,
                call.Id)
            {
                // Only a call that a single linked identity took part in is that identity's to take back.
                SourcePersonId = readFor.Count == 1 ? readFor[0] : null,
            };
        }
    }

    /// <summary>The time covered by at least one interval: overlaps count once, reversed intervals not at all.</summary>
    public static TimeSpan UnionLength(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? runStart = null;
        DateTimeOffset runEnd = default;
        foreach (var (start, end) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (runStart is null || start > runEnd)
            {
                total += runStart is null ? TimeSpan.Zero : runEnd - runStart.Value;
                (runStart, runEnd) = (start, end);
            }
            else if (end > runEnd)
            {
                runEnd = end;
            }
        }

        return runStart is null ? total : total + (runEnd - runStart.Value);
    }

    private static IEnumerable<CallIdentity> IdentitiesOf(TeamsCall call) =>
        new[] { call.Organizer }.Concat(call.Participants).Concat(call.Sessions.SelectMany(s => new[] { s.Caller, s.Callee })).OfType<CallIdentity>();

    /// <summary>A user by directory id; someone without one (a phone number, an anonymous guest) by name.</summary>
    private static string? KeyOf(CallIdentity identity) =>
        identity.UserId ?? (string.IsNullOrWhiteSpace(identity.DisplayName) ? null : "name:" + identity.DisplayName.Trim());

    /// <summary>A user of another organisation, or someone who is no directory user at all.</summary>
    private static bool IsOutside(CallIdentity identity, string workspaceTenantId) =>
        identity.UserId is null
            ? KeyOf(identity) is not null
            : identity.TenantId is { Length: > 0 } tenant && !string.Equals(tenant, workspaceTenantId, StringComparison.OrdinalIgnoreCase);
}
