using System.CommandLine;

namespace Pacta.Cli.Commands;

/// <summary>The options the dataset commands share (years, format, output file) and their checks.</summary>
public static class DatasetOptions
{
    /// <summary>ATOP's first year: its own tables start in 1815, one year before the COW state system.</summary>
    public const int AtopFirstYear = 1815;

    /// <summary>The first year of the COW state system, and so of any all-pairs frame.</summary>
    public const int SystemFirstYear = 1816;

    public static Option<int?> From() => CommonOptions.OptionalNumber("--from", "First year (inclusive)", 0, 9999);

    public static Option<int?> To() => CommonOptions.OptionalNumber("--to", "Last year (inclusive)", 0, 9999);

    public static Option<string?> Format() => new("--format") { Description = "csv (default) or parquet" };

    public static Option<string?> Out() => new("--out", "-o") { Description = "Output file; '-' or none writes CSV to standard output" };

    public enum FileFormat { Csv, Parquet }

    /// <summary>The format from --format, else from the --out extension (.parquet), else CSV.</summary>
    public static FileFormat ParseFormat(string? text, string? path)
    {
        if (text is null)
            return path is not null && path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? FileFormat.Parquet : FileFormat.Csv;
        return text.ToLowerInvariant() switch
        {
            "csv" => FileFormat.Csv,
            "parquet" => FileFormat.Parquet,
            _ => throw new PactaException($"--format: '{text}' is not a format (expected csv or parquet)"),
        };
    }

    /// <summary>Checks a year range; <paramref name="first"/> is the earliest year the table has.</summary>
    public static (int From, int To) Years(int from, int to, int first, int last, string firstReason, string lastReason)
    {
        if (from < first) throw new PactaException($"--from: {from} is before {first}, {firstReason}");
        if (to > last) throw new PactaException($"--to: {to} is after {last}, {lastReason}");
        if (from > to) throw new PactaException($"--from {from} is after --to {to}");
        return (from, to);
    }
}
