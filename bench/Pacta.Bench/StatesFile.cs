using System.Globalization;
using Pacta.Domain;

namespace Pacta.Bench;

/// <summary>
/// State-system membership for the benchmark without depending on Pacta.Authoring: data/states/states.csv
/// (cow,cowc,iso3,iso2,name,from,to) when it exists, else COW v2016 with spells ending 2016-12-31 read as open.
/// </summary>
internal static class StatesFile
{
    public static IReadOnlyList<State> Load(string repo)
    {
        var modern = Path.Combine(repo, "data", "states", "states.csv");
        return File.Exists(modern) ? LoadModern(modern) : LoadCow2016(Path.Combine(repo, "data", "cow", "states2016.csv"));
    }

    private static IReadOnlyList<State> LoadModern(string path)
    {
        var byCow = new Dictionary<int, (string Cowc, string Name, List<DateSpan> Spells)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = Split(line);
            if (f.Count < 7 || !int.TryParse(f[0], CultureInfo.InvariantCulture, out var cow)) continue;
            DateOnly? Day(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!byCow.TryGetValue(cow, out var s)) byCow[cow] = s = (f[1], f[4], []);
            s.Spells.Add(new DateSpan(Day(f[5]), Day(f[6])));
        }
        return byCow.Select(kv => new State(kv.Key, kv.Value.Cowc, null, null, kv.Value.Name, kv.Value.Spells)).ToList();
    }

    private static IReadOnlyList<State> LoadCow2016(string path)
    {
        var byCow = new Dictionary<int, (string Cowc, string Name, List<DateSpan> Spells)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            var to = new DateOnly(I(6), I(7), I(8));
            if (!byCow.TryGetValue(I(1), out var s)) byCow[I(1)] = s = (f[0], f[2], []);
            s.Spells.Add(new DateSpan(new DateOnly(I(3), I(4), I(5)), to == new DateOnly(2016, 12, 31) ? null : to));
        }
        return byCow.Select(kv => new State(kv.Key, kv.Value.Cowc, null, null, kv.Value.Name, kv.Value.Spells)).ToList();
    }

    /// <summary>Splits one CSV line, honouring double quotes (names such as "Korea, Republic of").</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
