namespace WorkSights.Domain.Privacy;

/// <summary>The people of a shown group, as a sorted set that can say how many people set it apart from another.</summary>
public sealed class GroupMembers
{
    private readonly Guid[] sorted;

    private GroupMembers(Guid[] sorted) => this.sorted = sorted;

    public int Count => sorted.Length;

    public static GroupMembers Of(IEnumerable<Guid> people)
    {
        var ids = people.Distinct().ToArray();
        Array.Sort(ids);
        return new GroupMembers(ids);
    }

    public static GroupMembers FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ids = new Guid[bytes.Length / 16];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new Guid(bytes.AsSpan(i * 16, 16));
        }

        return new GroupMembers(ids);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[sorted.Length * 16];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i].TryWriteBytes(bytes.AsSpan(i * 16, 16));
        }

        return bytes;
    }

    public bool Contains(Guid personId) => Array.BinarySearch(sorted, personId) >= 0;

    /// <summary>How many people belong to exactly one of the two groups.</summary>
    public int DifferenceFrom(GroupMembers other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0, j = 0, different = 0;
        while (i < sorted.Length && j < other.sorted.Length)
        {
            var order = sorted[i].CompareTo(other.sorted[j]);
            if (order == 0)
            {
                i++;
                j++;
            }
            else
            {
                different++;
                if (order < 0)
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }
        }

        return different + (sorted.Length - i) + (other.sorted.Length - j);
    }
}
