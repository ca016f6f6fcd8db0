using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace WorkSights.Application.Accounts.DataExports;

/// <summary>Rows of an export read straight from a query, untracked, one at a time.</summary>
internal static class ExportRows
{
    public static async IAsyncEnumerable<object?[]> Of<T>(IQueryable<T> query, Func<T, object?[]> cells, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        await foreach (var row in query.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return cells(row);
        }
    }

    /// <summary>A duration as minutes, the unit people read scores and targets in.</summary>
    public static double Minutes(TimeSpan duration) => Math.Round(duration.TotalMinutes, 2);
}
