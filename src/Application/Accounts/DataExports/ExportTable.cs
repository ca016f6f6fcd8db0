namespace WorkSights.Application.Accounts.DataExports;

/// <summary>
/// One file of an export: its name without extension, its column names, and its rows read one at a time in key order,
/// so that a workspace of any size is written without being held in memory. The rows are read when enumerated, on the
/// request's own database context.
/// </summary>
/// <param name="Rows">Each row's cells in <paramref name="Columns"/> order: text, numbers, booleans, times, dates, ids or null.</param>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IAsyncEnumerable<object?[]> Rows);
