using System.Globalization;

namespace WorkSights.PageBenchmark;

/// <summary>The command line: <c>--people N --days N --clients N --seconds N --log-sql --keep-data</c>.</summary>
internal sealed record PageBenchmarkOptions(int People, int Days, int Clients, int Seconds, bool LogSql, bool KeepData)
{
    /// <summary>The people the sandbox seeds in Contoso before any extra ones.</summary>
    public const int ContosoSeedPeople = 245;

    public static PageBenchmarkOptions Parse(string[] args)
    {
        var options = new PageBenchmarkOptions(2000, 90, 16, 10, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--people" => options with { People = Number(args, ++i) },
                "--days" => options with { Days = Number(args, ++i) },
                "--clients" => options with { Clients = Number(args, ++i) },
                "--seconds" => options with { Seconds = Number(args, ++i) },
                "--log-sql" => options with { LogSql = true },
                "--keep-data" => options with { KeepData = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --people N --days N --clients N --seconds N --log-sql --keep-data"),
            };
        }

        return options;
    }

    private static int Number(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive whole number.");
}
