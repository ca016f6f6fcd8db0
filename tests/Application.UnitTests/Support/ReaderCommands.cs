using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>The SQL and parameter values of each reader a context opens, and SQLite's plan for each.</summary>
public sealed class ReaderCommands : DbCommandInterceptor
{
    public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>SQLite's plan for each recorded command, run on <paramref name="db"/>'s connection.</summary>
    public async Task<List<(string Sql, List<PlanStep> Plan)>> PlansAsync(DbContext db)
    {
        var plans = new List<(string Sql, List<PlanStep> Plan)>();
        foreach (var command in Commands)
        {
            plans.Add((command.Sql, await PlanStepsAsync(db, command)));
        }

        return plans;
    }

    /// <summary>The steps of <c>EXPLAIN QUERY PLAN</c> for a recorded command, run on <paramref name="db"/>'s connection.</summary>
    public static async Task<List<string>> PlanAsync(DbContext db, (string Sql, List<(string Name, object? Value)> Parameters) command) =>
        [.. (await PlanStepsAsync(db, command)).Select(s => s.Detail)];

    /// <summary>
    /// The loops of a plan that run once for each row of an outer loop and read either a whole table or everything of
    /// one workspace (an index searched by <c>TenantId</c> alone): with no statistics gathered, SQLite takes an index
    /// that covers the joined columns for one that finds the row, and a join of 100,000 rows reads 2,000 people for each.
    /// </summary>
    public static IEnumerable<PlanStep> RowByRowReadsOfAWholeWorkspace(IReadOnlyList<PlanStep> plan) =>
        plan.GroupBy(s => s.Parent)
            .SelectMany(siblings => siblings.Where(s => s.IsLoop).Skip(1))
            .Where(s => s.Detail.EndsWith("(TenantId=?)", StringComparison.Ordinal)
                || (s.Detail.StartsWith("SCAN ", StringComparison.Ordinal) && s.Detail != "SCAN CONSTANT ROW"));

    public static async Task<List<PlanStep>> PlanStepsAsync(DbContext db, (string Sql, List<(string Name, object? Value)> Parameters) command)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            explain.Parameters.Add(parameter);
        }

        var plan = new List<PlanStep>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(new PlanStep(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }

        return plan;
    }

    /// <summary>One line of <c>EXPLAIN QUERY PLAN</c>: the steps under one parent that scan or search are nested loops, the first outermost.</summary>
    public sealed record PlanStep(int Id, int Parent, string Detail)
    {
        public bool IsLoop => Detail.StartsWith("SCAN ", StringComparison.Ordinal) || Detail.StartsWith("SEARCH ", StringComparison.Ordinal);
    }
}
