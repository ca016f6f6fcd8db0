namespace WorkSights.Domain.UnitTests;

internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset NotUtc = new(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));
}
