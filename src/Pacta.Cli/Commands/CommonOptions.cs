using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

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

    public static PactaWorkspace Workspace(ParseResult r) => new(r.GetValue(Corpus));

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

    /// <summary>
    /// A whole-number option whose bad values are usage errors in words ("--from: 'abc' is not a whole number")
    /// rather than System.CommandLine's type names; values outside [min, max] are refused the same way.
    /// </summary>
    public static Option<T> Number<T>(string name, string description, T defaultValue, T min, T max) where T : struct, INumber<T>, IMinMaxValue<T> =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseNumber(r, name, min, max) ?? defaultValue,
        };

    /// <summary>As <see cref="Number{T}"/>, for an option that may be left out (null).</summary>
    public static Option<T?> OptionalNumber<T>(string name, string description, T min, T max) where T : struct, INumber<T>, IMinMaxValue<T> =>
        new(name)
        {
            Description = description,
            CustomParser = r => ParseNumber(r, name, min, max),
        };

    private static T? ParseNumber<T>(ArgumentResult r, string name, T min, T max) where T : struct, INumber<T>, IMinMaxValue<T>
    {
        if (r.Tokens.Count == 0) return null;
        var text = r.Tokens[^1].Value;
        if (!T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            r.AddError($"{name}: '{text}' is not a whole number");
            return null;
        }
        if (v < min || v > max)
        {
            r.AddError(max == T.MaxValue
                ? $"{name}: {text} must be at least {min}"
                : $"{name}: {text} must lie between {min} and {max}");
            return null;
        }
        return v;
    }

    /// <summary>An option that takes one of a fixed set of words; anything else is a usage error listing them.</summary>
    public static Option<string?> OneOf(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !values.Contains(r.Tokens[^1].Value, StringComparer.Ordinal))
                r.AddError($"{name}: '{r.Tokens[^1].Value}' is not one of {string.Join(", ", values)}");
        });
        return option;
    }

    /// <summary>
    /// Checks an output file before any work starts: a folder (or a path through a file) is a clear error instead of
    /// "Access to the path is denied" after the work is done.
    /// </summary>
    public static void OutputFile(string? path, string option)
    {
        if (path is null or "-") return;
        if (path.Length == 0) throw new PactaException($"{option}: the file name is empty");
        if (Directory.Exists(path)) throw new PactaException($"{option}: {path} is a folder; give a file name (e.g. {Path.Combine(path, "out")})");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        for (var d = dir; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (File.Exists(d)) throw new PactaException($"{option}: {path} cannot be written: {d} is a file, not a folder");
            if (Directory.Exists(d)) break;
        }
    }
}
