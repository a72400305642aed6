using System.Globalization;

namespace Pacta.Evaluation.Validation;

/// <summary>One spell of one state in a COW war: its side and the day it began (day or month −9 = unknown, taken as 1).</summary>
public sealed record WarSpell(int Cow, string Name, int Side, DateOnly Start, bool Initiator);

/// <summary>
/// A COW inter-state war with every participation spell of every row, in date order (ties in file order). A state
/// that changed sides (France and Romania in World War II) keeps all its rows; <see cref="First"/> is its earliest spell.
/// </summary>
public sealed record SpelledWar(int Number, string Name, IReadOnlyList<WarSpell> Spells)
{
    public DateOnly Start => Spells[0].Start;

    /// <summary>The states of the war, each with its earliest spell, in the order they entered.</summary>
    public IReadOnlyList<WarSpell> First => Spells.GroupBy(s => s.Cow).Select(g => g.First()).ToList();

    /// <summary>The earliest spell of <paramref name="cow"/>, or null when it did not take part.</summary>
    public WarSpell? FirstOf(int cow) => Spells.FirstOrDefault(s => s.Cow == cow);

    /// <summary>True when <paramref name="cow"/> fought on <paramref name="side"/> in any spell.</summary>
    public bool FoughtOn(int cow, int side) => Spells.Any(s => s.Cow == cow && s.Side == side);
}

/// <summary>
/// Reads COW's Inter-StateWarData v4.0 for the validation, keeping both spells of each row (StartYear2 not −8) and
/// every row of a state. Separate from the cascade's reader so the validation's universe does not depend on it.
/// </summary>
public static class WarSpells
{
    public static IReadOnlyList<SpelledWar> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var header = Fields(lines[0]);
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"war file line 1: no column '{name}'");
        int num = Col("WarNum"), name = Col("WarName"), cc = Col("ccode"), st = Col("StateName"), side = Col("Side"), init = Col("Initiator");
        int[] m = [Col("StartMonth1"), Col("StartMonth2")], d = [Col("StartDay1"), Col("StartDay2")], y = [Col("StartYear1"), Col("StartYear2")];
        var wars = new SortedDictionary<int, (string Name, List<(WarSpell Spell, int Order)> S)>();
        var order = 0;
        for (var l = 1; l < lines.Length; l++)
        {
            if (lines[l].Trim().Length == 0) continue;
            var f = Fields(lines[l]);
            if (f.Length < header.Length) throw new FormatException($"war file line {l + 1}: {f.Length} fields, the header has {header.Length}");
            int I(int i) => int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"war file line {l + 1}: '{f[i]}' in column {header[i]} is not a number");
            var w = I(num);
            if (!wars.TryGetValue(w, out var war)) wars[w] = war = (f[name], []);
            for (var k = 0; k < 2; k++)
            {
                var year = I(y[k]);
                if (year < 0) continue;
                var month = I(m[k]) is var mo and >= 1 and <= 12 ? mo : 1;
                var day = I(d[k]) is var dd and >= 1 ? Math.Min(dd, DateTime.DaysInMonth(year, month)) : 1;
                war.S.Add((new WarSpell(I(cc), f[st], I(side), new DateOnly(year, month, day), I(init) == 1), order++));
            }
        }
        return wars.Select(x => new SpelledWar(x.Key, x.Value.Name,
            x.Value.S.OrderBy(s => s.Spell.Start).ThenBy(s => s.Order).Select(s => s.Spell).ToList())).ToList();
    }

    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields.ToArray();
    }
}
