using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

/// <summary>
/// What was deleted, when and by whom: the only record left, since the audit log goes with the workspace.
/// <paramref name="Tables"/> counts each table's rows of the workspace when it was deleted, all of them erased since or
/// being erased; <see cref="Lines"/> says the same in a customer's words.
/// </summary>
public sealed record WorkspaceDeletionReceipt(string WorkspaceName, string PrimaryDomain, DateTimeOffset DeletedAt, string DeletedBy, IReadOnlyList<RemovedRows> Tables)
{
    public int TotalRows => Tables.Sum(t => t.Count);

    /// <summary>What was erased, line by line in a customer's words, lines with nothing left out (see <see cref="DeletionReceiptLines"/>).</summary>
    public IReadOnlyList<ReceiptLine> Lines => DeletionReceiptLines.Of(Tables);
}
