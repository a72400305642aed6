using System.Globalization;

namespace Pacta.Evaluation.Cascade;

/// <summary>One row of a state's participation in a COW inter-state war: its side and the start of the row's first spell (day or month −9 = unknown, taken as 1).</summary>
public sealed record WarParticipant(int Cow, string Name, int Side, DateOnly Start, bool Initiator);

/// <summary>
/// A COW inter-state war with its participants: every row, in date order (a state that changed sides has one row
/// per side, e.g. France's 1939 Allied row before its Vichy row of 1940 in World War II).
/// </summary>
public sealed record InterstateWar(int Number, string Name, IReadOnlyList<WarParticipant> Participants)
{
    public DateOnly Start => Participants.Min(p => p.Start);

    /// <summary>Each state once, by its earliest row (the side it entered the war on).</summary>
    public IReadOnlyList<WarParticipant> FirstSpells => Participants.DistinctBy(p => p.Cow).ToList();
}

/// <summary>
/// Reads COW's Inter-StateWarData v4.0 (one row per state and war; the file uses bare CR line endings, which
/// <see cref="Split"/> accepts as well as LF and CRLF). A state listed twice in a war (it changed sides) keeps every row; rows are put in date order (the file's order breaks ties).
/// </summary>
public static class InterstateWars
{
    public static IReadOnlyList<InterstateWar> Parse(string text)
    {
        var lines = Split(text);
        if (lines.Count == 0) return [];
        var header = Fields(lines[0]);
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"war file: no column '{name}'");
        int num = Col("WarNum"), name = Col("WarName"), cc = Col("ccode"), st = Col("StateName"), side = Col("Side"),
            m = Col("StartMonth1"), d = Col("StartDay1"), y = Col("StartYear1"), init = Col("Initiator");
        var wars = new Dictionary<int, (string Name, List<WarParticipant> P)>();
        for (var l = 1; l < lines.Count; l++)
        {
            var f = Fields(lines[l]);
            if (f.Length < header.Length) continue;
            int I(int i) => int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"war file line {l + 1}: '{f[i]}' in column {header[i]} is not a number");
            var year = I(y);
            var start = new DateOnly(year, I(m) is var mo and >= 1 and <= 12 ? mo : 1, 1);
            start = start.AddDays((I(d) is var dd and >= 1 ? Math.Min(dd, DateTime.DaysInMonth(start.Year, start.Month)) : 1) - 1);
            var w = I(num);
            if (!wars.TryGetValue(w, out var war)) wars[w] = war = (f[name], []);
            war.P.Add(new WarParticipant(I(cc), f[st], I(side), start, I(init) == 1));
        }
        // OrderBy is stable: rows starting on the same day keep the file's order.
        return wars.OrderBy(x => x.Key).Select(x => new InterstateWar(x.Key, x.Value.Name, x.Value.P.OrderBy(p => p.Start).ToList())).ToList();
    }

    /// <summary>The fields of one CSV line; double quotes protect commas ("Vietnam War, Phase 2").</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = !quoted;
            }
            else if (c == ',' && !quoted) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields.ToArray();
    }

    private static List<string> Split(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Where(l => l.Trim().Length > 0).ToList();
}
