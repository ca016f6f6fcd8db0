namespace WorkSights.Domain.Privacy;

/// <summary>
/// The rules of a workspace's privacy mode: people other than the viewer appear under pseudonyms, and no group smaller
/// than the minimum is shown. Five is the smallest minimum (Microsoft Viva Insights holds groups to five as well).
/// </summary>
public static class PrivacyMode
{
    public const int DefaultMinimumGroupSize = 5;

    public const int SmallestMinimumGroupSize = 5;

    public const int LargestMinimumGroupSize = 100;

    public static bool AllowsMinimumGroupSize(int size) => size is >= SmallestMinimumGroupSize and <= LargestMinimumGroupSize;
}
