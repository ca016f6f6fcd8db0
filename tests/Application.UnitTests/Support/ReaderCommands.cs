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

    /// <summary>The steps of <c>EXPLAIN QUERY PLAN</c> for a recorded command, run on <paramref name="db"/>'s connection.</summary>
    public static async Task<List<string>> PlanAsync(DbContext db, (string Sql, List<(string Name, object? Value)> Parameters) command)
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

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
