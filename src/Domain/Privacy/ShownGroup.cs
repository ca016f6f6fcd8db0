using WorkSights.Domain.Common;

namespace WorkSights.Domain.Privacy;

/// <summary>
/// A group of people whose figures privacy mode has shown, remembered so that a later group differing from it by fewer
/// than the minimum cannot be shown too (the two results' difference would single those people out). One row a
/// selection: the same selection showing other members later (a joiner, a leaver) replaces its row.
/// </summary>
public sealed class ShownGroup : ITenantOwned
{
    public const int MaximumLabelLength = 300;

    private ShownGroup()
    {
        Selection = Label = string.Empty;
        Members = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>What chose the group: the filter and, for a viewer who does not see everyone, whose scope.</summary>
    public string Selection { get; private set; }

    /// <summary>The selection in a reader's words ("Team Sales"), for the message that refuses a group close to it.</summary>
    public string Label { get; private set; }

    public int Size { get; private set; }

    /// <summary>The members' ids, 16 bytes each in ascending order (<see cref="GroupMembers"/>).</summary>
    public byte[] Members { get; private set; }

    public DateTimeOffset ShownAt { get; private set; }

    public GroupMembers MemberSet => GroupMembers.FromBytes(Members);

    public static ShownGroup Record(Guid tenantId, string selection, string label, GroupMembers members, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Selection = Guard.Required(selection, "Selection", 200),
        Label = Shorten(label),
        Size = members.Count,
        Members = members.ToBytes(),
        ShownAt = now,
    };

    public void Replace(string label, GroupMembers members, DateTimeOffset now)
    {
        Label = Shorten(label);
        Size = members.Count;
        Members = members.ToBytes();
        ShownAt = now;
    }

    private static string Shorten(string label) => label.Length <= MaximumLabelLength ? label : string.Concat(label.AsSpan(0, MaximumLabelLength - 1), "…");
}
