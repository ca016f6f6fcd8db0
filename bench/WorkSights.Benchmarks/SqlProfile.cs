using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>Where the application's database time goes: EF's own command durations, grouped by statement shape.</summary>
internal sealed partial class SqlProfile : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, Entry> statements = new(StringComparer.Ordinal);

    public void Clear() => statements.Clear();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>The statements that took longest in total, with counts; durations overlap when commands run side by side.</summary>
    public void Print(int top)
    {
        var all = statements.ToArray();
        var total = all.Sum(s => s.Value.Ticks);
        Report.Line($"database time by statement (EF command durations, summed over parallel workers: {TimeSpan.FromTicks(total).TotalSeconds:F1} s in {all.Sum(s => s.Value.Count):N0} commands)");
        foreach (var (shape, entry) in all.OrderByDescending(s => s.Value.Ticks).Take(top))
        {
            var seconds = TimeSpan.FromTicks(entry.Ticks).TotalSeconds;
            Report.Line($"  {seconds,7:F2} s {entry.Count,8:N0} x {seconds * 1000 / Math.Max(1, entry.Count),6:F2} ms  {shape}");
        }
    }

    private void Add(DbCommand command, CommandExecutedEventData eventData)
    {
        var entry = statements.GetOrAdd(Shape(command.CommandText), _ => new Entry());
        Interlocked.Add(ref entry.Ticks, eventData.Duration.Ticks);
        Interlocked.Increment(ref entry.Count);
    }

    private static string Shape(string sql)
    {
        var flat = Whitespace().Replace(sql, " ").Trim();
        var kind = flat.Split(' ', 2)[0].ToUpperInvariant();
        var table = FirstTable().Match(flat) is { Success: true } match ? match.Groups[1].Value : "?";
        var statementsInBatch = flat.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var hint = flat.Contains("json_each", StringComparison.Ordinal) ? " IN (json list)" : string.Empty;
        hint += flat.Contains("DISTINCT", StringComparison.Ordinal) ? " DISTINCT" : string.Empty;
        hint += flat.Contains("COUNT(", StringComparison.Ordinal) ? " COUNT" : string.Empty;
        return $"{kind} {table}{hint}{(statementsInBatch > 1 ? " (batched)" : string.Empty)}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("(?:FROM|INTO|UPDATE) \"(\\w+)\"")]
    private static partial Regex FirstTable();

    private sealed class Entry
    {
        public long Ticks;
        public long Count;
    }
}
