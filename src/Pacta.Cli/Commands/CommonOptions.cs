using System.CommandLine;
using System.Globalization;

namespace Pacta.Cli.Commands;

/// <summary>Options every command shares, and parsing helpers that turn bad values into one-line errors.</summary>
public static class CommonOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON on standard output (nothing else goes there)",
        Recursive = true,
    };

    public static readonly Option<string?> Corpus = new("--corpus")
    {
        Description = "Read agreements from this corpus folder instead of the bundled one",
        Recursive = true,
    };

    public static Workspace Workspace(ParseResult r) => new(r.GetValue(Corpus));

    /// <summary>Parses an ISO 8601 day; years before 1816 (the start of the state system) are refused.</summary>
    public static DateOnly Date(string? text, string option)
    {
        if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new PactaException($"{option}: '{text}' is not a date (expected YYYY-MM-DD)");
        if (d.Year < 1816)
            throw new PactaException($"{option}: {text} is before 1816, where the state system (and Pacta's data) begins");
        return d;
    }

    public static DateOnly? OptionalDate(string? text, string option) => text is null ? null : Date(text, option);
}
