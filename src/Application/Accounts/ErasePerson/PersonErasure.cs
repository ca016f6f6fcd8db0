using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.ErasePerson;

/// <summary>What the erasure removed, table by table (tables that held nothing of the person are left out).</summary>
public sealed record PersonErasure(IReadOnlyList<RemovedRows> Tables)
{
    public int TotalRows => Tables.Sum(t => t.Count);
}
