using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Infrastructure.Scores;

/// <summary>
/// Recomputes person-days of the current workspace in chunks of people: per chunk one read of their dirty marks, one of
/// their activities over the chunk's dates, the score engine per day, then one transaction that replaces the days' rows
/// (with prepared statements: a full recompute writes some two hundred thousand days and their places) and removes the
/// marks it read. With several chunks, the next chunk is read and computed on a connection of its own while the current
/// one is written, so that both cores work. The team and workspace days of every date touched are rebuilt afterwards.
/// </summary>
/// <remarks>
/// Rows depend only on the stored activities, the calendars, the workspace's crediting table (read once per call) and the
/// clock's date, never on the order of the input or of the rows read, so a rebuild writes the same rows. A mark changed
/// while its day was being recomputed (its time moves on at every change) is left for the next round.
/// </remarks>
public sealed class PersonDayRecomputer(
    ApplicationDbContext db, ITenantContext tenant, IWorkCalendars calendars, TimeProvider clock, OpenReadingContext? openReader = null)
    : IPersonDayRecomputer
{
    /// <summary>Person-days per chunk: 2,000 people's single day in four rounds, or about five people's 90 days.</summary>
    internal const int ChunkSize = 500;

    /// <summary>Dates whose team and workspace days are rebuilt from one read of their person-days.</summary>
    private const int GroupDatesPerRead = 16;

    private Guid TenantId => tenant.TenantId ?? throw new InvalidOperationException("Person-days are recomputed inside a workspace.");

    public async Task RecomputeAsync(IReadOnlyCollection<PersonDate> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var wanted = days.Distinct().OrderBy(d => d.PersonId).ThenBy(d => d.Date).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var personIds = wanted.Select(d => d.PersonId).Distinct().ToList();
        var imported = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ImportedAt })
            .ToDictionaryAsync(p => p.Id, p => p.ImportedAt, cancellationToken);
        var withoutResults = (await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Where(p => p.ProvisioningState == ProvisioningState.Blocked || p.LinkedPersonId != null)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var inputs = new ChunkInputs(
            TenantId,
            await calendars.ForPeopleAsync(imported.Keys.ToList(), cancellationToken),
            imported,
            withoutResults,
            await WorkspaceCreditingTable.ReadAsync(db, cancellationToken),
            clock.GetUtcNow());
        var chunks = Chunks(wanted.Where(d => inputs.CalendarOf.ContainsKey(d.PersonId))).ToList();
        if (openReader is not null && chunks.Count > 1 && db.Database.CurrentTransaction is null)
        {
            await ReadAheadWhileWritingAsync(openReader, chunks, inputs, cancellationToken);
        }
        else
        {
            foreach (var chunk in chunks)
            {
                await WriteChunkAsync(await ComputeChunkAsync(db, chunk, inputs, cancellationToken), cancellationToken);
            }
        }

        await RecomputeGroupDaysAsync(chunks.SelectMany(c => c.Select(d => d.Date)).ToHashSet(), cancellationToken);
    }

    /// <summary>
    /// Recomputes every day of the workspace from scratch: all read-model rows are removed, then each person's days from
    /// the start of their history (or their first item) to the last closed day (or their last item) are computed.
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking()
            .Where(Person.HasOwnResults)
            .Select(p => new
            {
                p.Id,
                p.ImportedAt,
                First = db.Activities.Where(a => a.PersonId == p.Id).Min(a => (DateTimeOffset?)a.OccurredAt),
                Last = db.Activities.Where(a => a.PersonId == p.Id).Max(a => (DateTimeOffset?)a.OccurredAt),
            })
            .ToListAsync(cancellationToken);
        var calendarOf = await calendars.ForPeopleAsync(people.Select(p => p.Id).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        var days = new List<PersonDate>();
        foreach (var person in people.Where(p => calendarOf.ContainsKey(p.Id)))
        {
            var calendar = calendarOf[person.Id];
            var from = ScoredDays.HistoryStart(person.ImportedAt, calendar.Zone);
            var to = ScoredDays.LastClosed(now, calendar.Zone);
            if (person.First is { } first && calendar.DateOf(first) is var firstDate && firstDate < from)
            {
                from = firstDate;
            }

            if (person.Last is { } last && calendar.DateOf(last + StoredActivity.LongestReach) is var lastDate && lastDate > to)
            {
                to = lastDate;
            }

            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                days.Add(new PersonDate(person.Id, date.ToDateOnly()));
            }
        }

        await db.InTransactionAsync(
            async () =>
            {
                await db.PersonDayLocations.ExecuteDeleteAsync(cancellationToken);
                await db.PersonDays.ExecuteDeleteAsync(cancellationToken);
                await db.GroupDays.ExecuteDeleteAsync(cancellationToken);
            },
            cancellationToken);
        await RecomputeAsync(days, cancellationToken);
    }

    /// <summary>Recomputes every day whose stored result was computed under another model version than the current table's.</summary>
    /// <returns>How many days it recomputed.</returns>
    public async Task<int> RecomputeOutdatedAsync(CancellationToken cancellationToken)
    {
        var version = (await WorkspaceCreditingTable.ReadAsync(db, cancellationToken)).ModelVersion;
        var outdated = (await db.PersonDays.AsNoTracking()
                .Where(d => d.ModelVersion != version)
                .Select(d => new { d.PersonId, d.Date })
                .ToListAsync(cancellationToken))
            .Select(d => new PersonDate(d.PersonId, d.Date))
            .ToList();
        await RecomputeAsync(outdated, cancellationToken);
        return outdated.Count;
    }

    /// <summary>
    /// Closes days: every person gets a row for each closed day of their history that has none yet (a day without activity
    /// has no dirty mark). Run after each drain and hourly, it closes each time zone's previous day soon after its midnight.
    /// </summary>
    /// <returns>How many days it added.</returns>
    public async Task<int> CloseDaysAsync(CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Where(Person.HasOwnResults).Select(p => new { p.Id, p.ImportedAt }).ToListAsync(cancellationToken);
        var calendarOf = await calendars.ForPeopleAsync(people.Select(p => p.Id).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        var retentionDays = await db.Tenants.AsNoTracking().Where(t => t.Id == TenantId).Select(t => t.RetentionDays).SingleOrDefaultAsync(cancellationToken);
        var firstKept = retentionDays is { } kept ? LocalDate.FromDateOnly(DataRetention.FirstKeptDate(now, kept)) : (LocalDate?)null;
        var ranges = people
            .Where(p => calendarOf.ContainsKey(p.Id))
            .Select(p => (p.Id, From: LaterOf(ScoredDays.HistoryStart(p.ImportedAt, calendarOf[p.Id].Zone), firstKept), To: ScoredDays.LastClosed(now, calendarOf[p.Id].Zone)))
            .Where(r => r.From <= r.To)
            .ToList();
        if (ranges.Count == 0)
        {
            return 0;
        }

        var earliest = ranges.Min(r => r.From).ToDateOnly();
        var existing = (await db.PersonDays.AsNoTracking()
                .Where(d => d.Date >= earliest)
                .Select(d => new { d.PersonId, d.Date })
                .ToListAsync(cancellationToken))
            .Select(d => new PersonDate(d.PersonId, d.Date))
            .ToHashSet();
        var missing = new List<PersonDate>();
        foreach (var (personId, from, to) in ranges)
        {
            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                if (!existing.Contains(new PersonDate(personId, date.ToDateOnly())))
                {
                    missing.Add(new PersonDate(personId, date.ToDateOnly()));
                }
            }
        }

        await RecomputeAsync(missing, cancellationToken);
        return missing.Count;
    }

    /// <summary>Chunks hold whole people (a person's days are read with one range), about <see cref="ChunkSize"/> days each.</summary>
    private static IEnumerable<List<PersonDate>> Chunks(IEnumerable<PersonDate> ordered)
    {
        var chunk = new List<PersonDate>();
        foreach (var day in ordered)
        {
            if (chunk.Count >= ChunkSize && chunk[^1].PersonId != day.PersonId)
            {
                yield return chunk;
                chunk = [];
            }

            chunk.Add(day);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// Computes the chunks on a second connection, one chunk ahead of the writes on this one; a failure on either side
    /// stops both.
    /// </summary>
    private async Task ReadAheadWhileWritingAsync(OpenReadingContext open, List<List<PersonDate>> chunks, ChunkInputs inputs, CancellationToken cancellationToken)
    {
        var computed = Channel.CreateBounded<ComputedChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    await using var source = open();
                    foreach (var chunk in chunks)
                    {
                        await computed.Writer.WriteAsync(await ComputeChunkAsync(source, chunk, inputs, stop.Token), stop.Token);
                    }

                    computed.Writer.Complete();
                }
                catch (Exception failure)
                {
                    computed.Writer.Complete(failure);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var chunk in computed.Reader.ReadAllAsync(stop.Token))
            {
                await WriteChunkAsync(chunk, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }
    }

    private static async Task<ComputedChunk> ComputeChunkAsync(ApplicationDbContext source, List<PersonDate> chunk, ChunkInputs inputs, CancellationToken cancellationToken)
    {
        var people = chunk.Select(d => d.PersonId).Distinct().ToList();
        var firstDate = chunk.Min(d => d.Date);
        var lastDate = chunk.Max(d => d.Date);
        var keys = chunk.ToHashSet();
        var marks = (await source.DirtyPersonDays.AsNoTracking()
                .Where(m => people.Contains(m.PersonId) && m.Date >= firstDate && m.Date <= lastDate)
                .Select(m => new { m.PersonId, m.Date, m.MarkedAt })
                .ToListAsync(cancellationToken))
            .Where(m => keys.Contains(new PersonDate(m.PersonId, m.Date)))
            .Select(m => (m.PersonId, m.Date, m.MarkedAt))
            .ToList();

        // Every person's day lies within a day and a half of the same UTC date; items reach back at most LongestReach.
        var from = new DateTimeOffset(firstDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - TimeSpan.FromDays(1) - StoredActivity.LongestReach;
        var to = new DateTimeOffset(lastDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + TimeSpan.FromDays(2);
        var activities = (await source.Activities.AsNoTracking()
                .Where(a => people.Contains(a.PersonId) && a.OccurredAt >= from && a.OccurredAt < to)
                .Select(a => new StoredActivity(
                    a.Id,
                    a.PersonId,
                    a.Kind,
                    a.OccurredAt,
                    a.CreditedDuration,
                    a.IsScored,
                    a.IsExternal,
                    a.IsCorrected,
                    a.Location == null ? null : a.Location.City,
                    a.Location == null ? null : a.Location.CountryOrRegion,
                    a.Location == null ? null : a.Location.Latitude,
                    a.Location == null ? null : a.Location.Longitude,
                    a.CloudProvider != null))
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.OccurredAt).ToArray());

        var rows = new List<(PersonDate Key, PersonDayRows Rows)>(chunk.Count);
        foreach (var day in chunk)
        {
            if (inputs.WithoutResults.Contains(day.PersonId))
            {
                // Blocked or merged into another person: whatever the day held is removed, and nothing takes its place.
                rows.Add((day, new PersonDayRows(null, [])));
                continue;
            }

            var calendar = inputs.CalendarOf[day.PersonId];
            var own = activities.GetValueOrDefault(day.PersonId) ?? [];
            var localDate = LocalDate.FromDateOnly(day.Date);
            var keepEmpty = ScoredDays.KeepsEmptyDay(localDate, inputs.ImportedAt[day.PersonId], inputs.Now, calendar.Zone);
            var dayStart = calendar.Zone.AtStartOfDay(localDate).ToDateTimeOffset();
            var dayEnd = calendar.Zone.AtStartOfDay(localDate.PlusDays(1)).ToDateTimeOffset();
            var touching = Between(own, dayStart - StoredActivity.LongestReach, dayEnd);
            rows.Add((day, PersonDayRows.Compute(inputs.TenantId, day.PersonId, calendar, day.Date, touching, inputs.Table, keepEmpty)));
        }

        return new ComputedChunk(rows, marks);
    }

    private async Task WriteChunkAsync(ComputedChunk chunk, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(
            async () =>
            {
                var equal = new[] { nameof(PersonDay.TenantId), nameof(PersonDay.PersonId) };
                await using var deleteDays = ModelTable<PersonDay>.For(db).DeleteRange(db, equal, nameof(PersonDay.Date));
                await using var deletePlaces = ModelTable<PersonDayLocation>.For(db).DeleteRange(db, equal, nameof(PersonDayLocation.Date));
                await using var insertDay = ModelTable<PersonDay>.For(db).Insert(db);
                await using var insertPlace = ModelTable<PersonDayLocation>.For(db).Insert(db);
                await using var deleteMark = ModelTable<DirtyPersonDay>.For(db).DeleteWhere(
                    db, nameof(DirtyPersonDay.TenantId), nameof(DirtyPersonDay.PersonId), nameof(DirtyPersonDay.Date), nameof(DirtyPersonDay.MarkedAt));
                foreach (var (personId, from, to) in Runs(chunk.Rows.Select(r => r.Key)))
                {
                    deleteDays.Values(TenantId, personId, from, to);
                    deletePlaces.Values(TenantId, personId, from, to);
                }

                foreach (var (_, result) in chunk.Rows)
                {
                    if (result.Day is { } personDay)
                    {
                        insertDay.Row(personDay);
                    }

                    foreach (var place in result.Places)
                    {
                        insertPlace.Row(place);
                    }
                }

                foreach (var (personId, date, markedAt) in chunk.Marks)
                {
                    deleteMark.Values(TenantId, personId, date, markedAt);
                }
            },
            cancellationToken);

    /// <summary>Each person's requested dates as runs of consecutive dates (a chunk is ordered by person and date).</summary>
    private static IEnumerable<(Guid PersonId, DateOnly From, DateOnly To)> Runs(IEnumerable<PersonDate> ordered)
    {
        (Guid PersonId, DateOnly From, DateOnly To)? run = null;
        foreach (var day in ordered)
        {
            if (run is { } current && current.PersonId == day.PersonId && current.To.AddDays(1) == day.Date)
            {
                run = current with { To = day.Date };
                continue;
            }

            if (run is { } done)
            {
                yield return done;
            }

            run = (day.PersonId, day.Date, day.Date);
        }

        if (run is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The items of a person's start-ordered array that start in [from, to).</summary>
    private static ArraySegment<StoredActivity> Between(StoredActivity[] ordered, DateTimeOffset from, DateTimeOffset to)
    {
        var first = LowerBound(ordered, from);
        var end = LowerBound(ordered, to);
        return new ArraySegment<StoredActivity>(ordered, first, end - first);
    }

    private static int LowerBound(StoredActivity[] ordered, DateTimeOffset at)
    {
        var (low, high) = (0, ordered.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ordered[middle].OccurredAt < at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Each date's team days (team = the person's department today) and workspace day, from all its person-days.</summary>
    public async Task RecomputeGroupDaysAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Count == 0)
        {
            return;
        }

        var teamOf = await db.People.AsNoTracking()
            .Select(p => new { p.Id, p.Department })
            .ToDictionaryAsync(p => p.Id, p => TeamName(p.Department), cancellationToken);
        foreach (var batch in dates.Chunk(GroupDatesPerRead))
        {
            var personDays = await db.PersonDays.AsNoTracking().Where(d => batch.Contains(d.Date)).ToListAsync(cancellationToken);
            var groups = new List<GroupDay>();
            foreach (var ofDate in personDays.GroupBy(d => d.Date).OrderBy(g => g.Key))
            {
                groups.Add(GroupDay.Of(TenantId, GroupDay.Workspace, ofDate.Key, ofDate.ToList()));
                groups.AddRange(ofDate
                    .GroupBy(d => teamOf.GetValueOrDefault(d.PersonId, GroupDay.NoTeam), StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(team => GroupDay.Of(TenantId, team.Key, ofDate.Key, team.ToList())));
            }

            await db.InTransactionAsync(
                async () =>
                {
                    await using var delete = ModelTable<GroupDay>.For(db).DeleteWhere(db, nameof(GroupDay.TenantId), nameof(GroupDay.Date));
                    await using var insert = ModelTable<GroupDay>.For(db).Insert(db);
                    foreach (var date in batch)
                    {
                        delete.Values(TenantId, date);
                    }

                    foreach (var group in groups)
                    {
                        insert.Row(group);
                    }
                },
                cancellationToken);
        }
    }

    /// <summary>A department's name as a team: trimmed, at most 200 characters; none is <see cref="GroupDay.NoTeam"/>.</summary>
    private static string TeamName(string? department)
    {
        var name = department?.Trim() ?? GroupDay.NoTeam;
        return name.Length <= 200 ? name : name[..200].TrimEnd();
    }

    /// <summary>What every chunk of one call shares: read once, before the first chunk.</summary>
    private sealed record ChunkInputs(
        Guid TenantId,
        IReadOnlyDictionary<Guid, PersonCalendar> CalendarOf,
        IReadOnlyDictionary<Guid, DateTimeOffset> ImportedAt,
        IReadOnlySet<Guid> WithoutResults,
        CreditingTable Table,
        DateTimeOffset Now);

    /// <summary>A chunk's computed rows, and the dirty marks read before its activities (removed with the write).</summary>
    private sealed record ComputedChunk(
        List<(PersonDate Key, PersonDayRows Rows)> Rows,
        List<(Guid PersonId, DateOnly Date, DateTimeOffset MarkedAt)> Marks);

    /// <summary>Days the retention purges are not given rows again: a day's history starts at the first day kept.</summary>
    private static LocalDate LaterOf(LocalDate historyStart, LocalDate? firstKept) =>
        firstKept is { } kept && kept > historyStart ? kept : historyStart;
}
