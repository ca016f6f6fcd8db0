namespace WorkSights.Domain.Privacy;

/// <summary>
/// Whether privacy mode may show a group's figures: not when it has fewer people than the minimum, and not when it differs
/// from a group already shown under another selection by fewer than the minimum (one person more or less would let the
/// difference of the two results describe that person). A group with the same members as a shown one reveals nothing new, nor does an empty one.
/// </summary>
public static class GroupDisclosure
{
    public static GroupVerdict Judge(GroupMembers candidate, string selection, IEnumerable<ShownGroup> shown, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(shown);
        if (candidate.Count == 0)
        {
            return GroupVerdict.Shown;
        }

        if (candidate.Count < minimumGroupSize)
        {
            return GroupVerdict.TooSmall(candidate.Count, minimumGroupSize);
        }

        foreach (var group in shown)
        {
            if (group.Selection == selection || Math.Abs(group.Size - candidate.Count) >= minimumGroupSize)
            {
                continue;
            }

            var difference = candidate.DifferenceFrom(group.MemberSet);
            if (difference > 0 && difference < minimumGroupSize)
            {
                return GroupVerdict.TooCloseTo(group.Label, difference, minimumGroupSize);
            }
        }

        return GroupVerdict.Shown;
    }
}

/// <param name="Reason">Why the group is withheld, in a reader's words; null when it may be shown.</param>
public sealed record GroupVerdict(string? Reason)
{
    public static GroupVerdict Shown { get; } = new((string?)null);

    public bool IsShown => Reason is null;

    public static GroupVerdict TooSmall(int size, int minimum) => new(
        $"This selection has {Pluralise(size, "person", "people")}; privacy mode shows groups of {minimum} or more, so that no one's figures can be told apart.");

    public static GroupVerdict TooCloseTo(string label, int difference, int minimum) => new(
        $"This selection differs from one already shown ({label}) by {Pluralise(difference, "person", "people")}; privacy mode shows no two groups that differ by fewer than {minimum}, since comparing them would reveal those people's figures.");

    private static string Pluralise(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
