using System.CommandLine;
using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Workspace;

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

    public static Option<string[]> Reading() => new("--reading")
    {
        Description = "Read a contested point of the review of ATOP alliances after the release another way: CLAUSE=READING or atop-ID:CLAUSE=READING (repeatable; pacta reviews shows the contested points)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The choices of --reading, each checked against the reviews' contested points (a located error otherwise).</summary>
    public static IReadOnlyList<ReadingChoice> Readings(string[]? texts, IReadOnlyList<AtopReview> reviews)
    {
        var choices = new List<ReadingChoice>();
        foreach (var text in texts ?? [])
        {
            var choice = ReadingChoices.Parse(text, out var error) ?? throw new PactaException($"--reading: {error}");
            if (ReviewReadings.Check(choice, reviews) is { } problem) throw new PactaException($"--reading: {problem}");
            choices.Add(choice);
        }
        return choices;
    }

    /// <summary>The reading each contested point of the reviews was read under, for a dataset's summary line and its --json.</summary>
    public static (string Text, JsonArray Json) ReadingsUsed(IReadOnlyList<AtopReview> reviews, IReadOnlyList<ReadingChoice> choices) =>
        ReadingsUsed([.. ReviewReadings.Applied(reviews, choices).Select(a => new AppliedReviewReading(a.Scope, a.Clause, a.Reading, a.IsDefault))]);

    public static (string Text, JsonArray Json) ReadingsUsed(IReadOnlyList<AppliedReviewReading> applied)
    {
        var json = new JsonArray();
        foreach (var a in applied)
            json.Add(new JsonObject { ["review"] = a.Scope, ["clause"] = a.Clause, ["reading"] = a.Reading, ["default"] = a.IsDefault });
        var text = applied.Count == 0 ? ""
            : "; readings: " + string.Join(", ", applied.Select(a => $"{a.Scope}:{a.Clause}={a.Reading}{(a.IsDefault ? " (default)" : "")}"));
        return (text, json);
    }

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
