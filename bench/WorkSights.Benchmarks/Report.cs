using System.Globalization;

namespace WorkSights.Benchmarks;

/// <summary>Console output: sections, figures, and each target with whether it was met, collected for a closing summary.</summary>
internal static class Report
{
    private static readonly List<string> Verdicts = [];

    public static int Missed { get; private set; }

    /// <summary>Set in a child process: verdicts are also written as machine lines for the parent's summary.</summary>
    public static bool Child { get; set; }

    public const string VerdictPrefix = "@@verdict\t";

    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
    }

    public static void Line(string text) => Console.WriteLine($"  {text}");

    public static void Figure(string name, string value) => Console.WriteLine($"  {name,-48} {value}");

    /// <summary>A measured figure against its target from the issue; met or MISSED, never rounded into a pass.</summary>
    public static void Target(string name, string measured, string target, bool met, string? note = null)
    {
        var verdict = met ? "met" : "MISSED";
        if (!met)
        {
            Missed++;
        }

        var line = $"{name,-48} {measured,-22} target {target,-26} {verdict}";
        Console.WriteLine($"  {line}");
        if (note is not null)
        {
            Console.WriteLine($"      {note}");
        }

        Verdicts.Add(line);
        if (Child)
        {
            Console.WriteLine($"{VerdictPrefix}{(met ? 1 : 0)}\t{line}");
        }
    }

    /// <summary>A verdict a child process printed: counted in the summary, not printed again.</summary>
    public static void AddVerdict(string machineLine)
    {
        var parts = machineLine[VerdictPrefix.Length..].Split('\t', 2);
        if (parts[0] != "1")
        {
            Missed++;
        }

        Verdicts.Add(parts[1]);
    }

    public static void Summary()
    {
        if (Verdicts.Count == 0)
        {
            return;
        }

        Section("Targets");
        foreach (var verdict in Verdicts)
        {
            Console.WriteLine($"  {verdict}");
        }

        Console.WriteLine($"  {Verdicts.Count - Missed} of {Verdicts.Count} targets met.");
    }

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F0", CultureInfo.InvariantCulture) + " MB";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    public static string Rate(double perSecond, string unit) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + " " + unit;
}
