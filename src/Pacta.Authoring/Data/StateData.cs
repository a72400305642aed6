using System.Globalization;
using System.Text.RegularExpressions;
using Pacta.Domain;

namespace Pacta.Authoring.Data;

/// <summary>
/// Reads the state registry: <c>states.csv</c> (one row per state-system membership spell:
/// <c>cow,cowc,iso3,iso2,name,from,to</c>, inclusive days, empty <c>to</c> = still a member) and
/// <c>aliases.csv</c> (<c>alias,cow</c>: other English names a user may type) and <c>notes.csv</c>
/// (<c>cow,note</c>: notes on a state's codes, e.g. Kosovo's user-assigned XK).
/// </summary>
public static partial class StateData
{
    public static readonly IReadOnlyList<string> StateColumns = ["cow", "cowc", "iso3", "iso2", "name", "from", "to"];
    public static readonly IReadOnlyList<string> AliasColumns = ["alias", "cow"];
    public static readonly IReadOnlyList<string> NoteColumns = ["cow", "note"];

    /// <summary>
    /// Loads the registry from the files (<paramref name="notesCsv"/>, <c>cow,note</c>, is optional: notes on a
    /// state's codes); malformed content raises <see cref="DataFileException"/>.
    /// </summary>
    public static StateRegistry Load(string statesCsv, string aliasesCsv, string? notesCsv = null)
    {
        using var states = OpenText(statesCsv);
        using var aliases = OpenText(aliasesCsv);
        using var notes = notesCsv is not null && File.Exists(notesCsv) ? OpenText(notesCsv) : null;
        return Parse(states, statesCsv, aliases, aliasesCsv, notes, notesCsv);
    }

    /// <summary>Loads the registry from the shipped data folder (see <see cref="DataPaths"/>).</summary>
    public static StateRegistry LoadDefault() => Load(DataPaths.StatesCsv, DataPaths.AliasesCsv, DataPaths.StateNotesCsv);

    public static StateRegistry Parse(TextReader states, string statesName, TextReader aliases, string aliasesName, TextReader? notes = null, string? notesName = null)
    {
        var list = ReadStates(states, statesName);
        var byCow = list.ToDictionary(s => s.Cow);
        var aliasMap = ReadAliases(aliases, aliasesName, byCow);
        if (notes is not null)
        {
            var noteMap = ReadNotes(notes, notesName ?? "notes.csv", byCow);
            list = list.Select(s => noteMap.TryGetValue(s.Cow, out var n) ? s with { Note = n } : s).ToList();
        }
        return new StateRegistry(list, aliasMap);
    }

    private static Dictionary<int, string> ReadNotes(TextReader reader, string file, IReadOnlyDictionary<int, State> byCow)
    {
        var table = CsvTable.Read(reader, file, NoteColumns);
        var notes = new Dictionary<int, string>();
        foreach (var row in table.Rows)
        {
            if (!int.TryParse(row["cow"], NumberStyles.None, CultureInfo.InvariantCulture, out var cow))
                throw row.Error("cow", $"'{row["cow"]}' is not a COW country code (a positive whole number)");
            if (!byCow.ContainsKey(cow)) throw row.Error("cow", $"no state has COW code {cow}");
            var note = row["note"].Trim();
            if (note.Length == 0) throw row.Error("note", "the note is empty");
            if (!notes.TryAdd(cow, note)) throw row.Error("cow", $"COW {cow} already has a note");
        }
        return notes;
    }

    internal static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 1, 1, $"cannot read the file: {e.Message}", e);
        }
    }

    private sealed record Draft(int Cow, string Cowc, string? Iso3, string? Iso2, string Name, CsvRow FirstRow, List<(DateSpan Span, CsvRow Row)> Spells);

    private static List<State> ReadStates(TextReader reader, string file)
    {
        var table = CsvTable.Read(reader, file, StateColumns);
        var drafts = new Dictionary<int, Draft>();
        var iso3Owner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var iso2Owner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var nameOwner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            if (!int.TryParse(row["cow"], NumberStyles.None, CultureInfo.InvariantCulture, out var cow) || cow <= 0)
                throw row.Error("cow", $"'{row["cow"]}' is not a COW country code (a positive whole number)");
            var cowc = row["cowc"].Trim();
            if (!CowLetters().IsMatch(cowc)) throw row.Error("cowc", $"'{cowc}' is not a COW state abbreviation (three capital letters)");
            var iso3 = Optional(row["iso3"]);
            if (iso3 is not null && !Iso3().IsMatch(iso3)) throw row.Error("iso3", $"'{iso3}' is not an ISO 3166-1 alpha-3 code (three capital letters)");
            var iso2 = Optional(row["iso2"]);
            if (iso2 is not null && !Iso2().IsMatch(iso2)) throw row.Error("iso2", $"'{iso2}' is not an ISO 3166-1 alpha-2 code (two capital letters)");
            if ((iso3 is null) != (iso2 is null)) throw row.Error(iso3 is null ? "iso3" : "iso2", "iso3 and iso2 must be given together or both left empty");
            var name = row["name"].Trim();
            if (name.Length == 0) throw row.Error("name", "the name is empty");
            var from = ParseDate(row, "from", required: true);
            var to = ParseDate(row, "to", required: false);
            if (from is not null && to is not null && to < from) throw row.Error("to", $"the spell ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            var span = new DateSpan(from, to);

            if (drafts.TryGetValue(cow, out var draft))
            {
                if (draft.Cowc != cowc) throw row.Error("cowc", $"COW {cow} is '{draft.Cowc}' on line {draft.FirstRow.Line}, '{cowc}' here");
                if (!string.Equals(draft.Iso3, iso3, StringComparison.Ordinal)) throw row.Error("iso3", $"COW {cow} has iso3 '{draft.Iso3}' on line {draft.FirstRow.Line}, '{iso3}' here");
                if (!string.Equals(draft.Iso2, iso2, StringComparison.Ordinal)) throw row.Error("iso2", $"COW {cow} has iso2 '{draft.Iso2}' on line {draft.FirstRow.Line}, '{iso2}' here");
                if (draft.Name != name) throw row.Error("name", $"COW {cow} is named '{draft.Name}' on line {draft.FirstRow.Line}, '{name}' here");
                foreach (var (other, otherRow) in draft.Spells)
                {
                    if (other.Overlaps(span)) throw row.Error("from", $"this spell of COW {cow} overlaps the one on line {otherRow.Line} ({other})");
                }
                draft.Spells.Add((span, row));
                continue;
            }
            Claim(iso3Owner, iso3, cow, row, "iso3");
            Claim(iso2Owner, iso2, cow, row, "iso2");
            Claim(nameOwner, name, cow, row, "name");
            drafts[cow] = new Draft(cow, cowc, iso3, iso2, name, row, [(span, row)]);
        }
        if (drafts.Count == 0) throw new DataFileException(file, 2, 1, "no states are listed");
        return drafts.Values
            .Select(d => new State(d.Cow, d.Cowc, d.Iso3, d.Iso2, d.Name, d.Spells.Select(s => s.Span).OrderBy(s => s.From).ToList()))
            .OrderBy(s => s.Cow)
            .ToList();
    }

    private static void Claim(Dictionary<string, int> owners, string? key, int cow, CsvRow row, string column)
    {
        if (key is null) return;
        if (owners.TryGetValue(key, out var other) && other != cow)
            throw row.Error(column, $"'{key}' is already used by COW {other}");
        owners[key] = cow;
    }

    private static Dictionary<string, int> ReadAliases(TextReader reader, string file, IReadOnlyDictionary<int, State> byCow)
    {
        var table = CsvTable.Read(reader, file, AliasColumns);
        var names = byCow.Values.ToDictionary(s => s.Name, s => s.Cow, StringComparer.OrdinalIgnoreCase);
        var aliases = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var alias = row["alias"].Trim();
            if (alias.Length == 0) throw row.Error("alias", "the alias is empty");
            if (!int.TryParse(row["cow"], NumberStyles.None, CultureInfo.InvariantCulture, out var cow))
                throw row.Error("cow", $"'{row["cow"]}' is not a COW country code (a positive whole number)");
            if (!byCow.ContainsKey(cow)) throw row.Error("cow", $"no state has COW code {cow}");
            if (lines.TryGetValue(alias, out var line)) throw row.Error("alias", $"'{alias}' is already listed on line {line}");
            if (names.TryGetValue(alias, out var owner) && owner != cow)
                throw row.Error("alias", $"'{alias}' is the name of COW {owner}, not of COW {cow}");
            aliases[alias] = cow;
            lines[alias] = row.Line;
        }
        return aliases;
    }

    private static DateOnly? ParseDate(CsvRow row, string column, bool required)
    {
        var text = row[column].Trim();
        if (text.Length == 0)
        {
            if (required) throw row.Error(column, $"'{column}' is required (a date YYYY-MM-DD)");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw row.Error(column, $"'{text}' is not a date YYYY-MM-DD");
        return day;
    }

    private static string? Optional(string text) => text.Trim() is { Length: > 0 } t ? t : null;

    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex CowLetters();
    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex Iso3();
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex Iso2();
}
