using System.Globalization;

namespace WorkSights.PageBenchmark;

/// <summary>
/// The command line: <c>--suite pages|people --people N --days N --clients N --seconds N --log-sql --keep-data</c>. The
/// reporting pages default to 2,000 people x 90 days and 16 clients; the people suite to 10,000 people x 30 days and 8.
/// </summary>
internal sealed record PageBenchmarkOptions(string Suite, int People, int Days, int Clients, int Seconds, bool LogSql, bool KeepData)
{
    public const string PagesSuite = "pages";

    public const string PeopleSuite = "people";

    /// <summary>The users the sandbox seeds in Contoso before any extra ones (its shared mailbox, rooms and equipment among them).</summary>
    public const int ContosoSeedPeople = 248;

    private const string Usage = "Options: --suite pages|people --people N --days N --clients N --seconds N --log-sql --keep-data";

    public static PageBenchmarkOptions Parse(string[] args)
    {
        var suite = PagesSuite;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--suite")
            {
                suite = args[i + 1] is PagesSuite or PeopleSuite ? args[i + 1] : throw new ArgumentException($"'--suite' is '{PagesSuite}' or '{PeopleSuite}'.");
            }
        }

        var options = suite == PeopleSuite
            ? new PageBenchmarkOptions(suite, 10_000, 30, 8, 10, false, false)
            : new PageBenchmarkOptions(suite, 2000, 90, 16, 10, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--suite" => options with { Suite = Text(args, ++i) },
                "--people" => options with { People = Number(args, ++i) },
                "--days" => options with { Days = Number(args, ++i) },
                "--clients" => options with { Clients = Number(args, ++i) },
                "--seconds" => options with { Seconds = Number(args, ++i) },
                "--log-sql" => options with { LogSql = true },
                "--keep-data" => options with { KeepData = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    private static string Text(string[] args, int index) =>
        index < args.Length ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value. {Usage}");

    private static int Number(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive whole number.");
}
