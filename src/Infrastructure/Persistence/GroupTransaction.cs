using System.Data.Common;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// One transaction on the writer connection that several writers' pages join, each inside a savepoint of its own, and that
/// commits them together: every page still lands whole or not at all, and the database pays one commit for the group.
/// </summary>
internal sealed class GroupTransaction
{
    private const string PageSavepoint = "page";

    private readonly DbTransaction transaction;
    private readonly TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GroupTransaction(DbTransaction transaction) => this.transaction = transaction;

    /// <summary>Completes when the group's transaction has committed; faults if it could not.</summary>
    public Task Committed => committed.Task;

    public int Pages { get; private set; }

    /// <summary>A failure the savepoint could not undo: SQLite has rolled the whole transaction back.</summary>
    public bool IsBroken { get; private set; }

    public static GroupTransaction Begin(DbConnection connection) => new(connection.BeginTransaction());

    /// <summary>Runs one page's writes; if they fail, only that page is undone and the group goes on.</summary>
    public async Task<int> WriteAsync(Func<DbTransaction, CancellationToken, Task<int>> write, CancellationToken cancellationToken)
    {
        transaction.Save(PageSavepoint);
        try
        {
            var written = await write(transaction, cancellationToken);
            transaction.Release(PageSavepoint);
            Pages++;
            return written;
        }
        catch
        {
            try
            {
                transaction.Rollback(PageSavepoint);
                transaction.Release(PageSavepoint);
            }
            catch (DbException)
            {
                IsBroken = true;
            }

            throw;
        }
    }

    public void Commit()
    {
        try
        {
            transaction.Commit();
            committed.TrySetResult();
        }
        catch (Exception failure)
        {
            Fail(failure);
        }
        finally
        {
            transaction.Dispose();
        }
    }

    /// <summary>Gives up the group: every page in it is lost, and each writer waiting for it is told why.</summary>
    public void Abandon(Exception reason)
    {
        try
        {
            transaction.Rollback();
        }
        catch (DbException)
        {
            // Already rolled back by SQLite itself.
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
        finally
        {
            transaction.Dispose();
        }

        Fail(reason);
    }

    private void Fail(Exception reason) =>
        committed.TrySetException(new InvalidOperationException("The transaction holding this page could not be committed.", reason));
}
