using System.Runtime.CompilerServices;

namespace Pacta.Datasets.Atop;

/// <summary>
/// Reads an ATOP release folder (alliance-level <c>atopX_Ya.csv</c> and member-level <c>atopX_Ym.csv</c>),
/// validates every field, and returns the whole release or located errors — never a partial release.
/// </summary>
public static class AtopImporter
{
    /// <summary>Whether <paramref name="name"/> is "atop" digits "_" digits, then <paramref name="level"/>, ".csv" (e.g. atop5_1m.csv).</summary>
    private static bool IsReleaseFile(string name, char level)
    {
        var n = name.ToLowerInvariant();
        if (!n.StartsWith("atop", StringComparison.Ordinal) || !n.EndsWith($"{level}.csv", StringComparison.Ordinal)) return false;
        var middle = n[4..^5].Split('_');
        return middle.Length == 2 && middle.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    /// <summary>Imports the release in <paramref name="folder"/> (file names as ATOP publishes them; NNA variants are ignored).</summary>
    public static AtopImportResult ImportFolder(string folder)
    {
        if (!Directory.Exists(folder)) return Fail(folder, "atop-no-folder", "folder not found");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        var a = files.Where(f => IsReleaseFile(f, 'a')).Order(StringComparer.Ordinal).ToList();
        var m = files.Where(f => IsReleaseFile(f, 'm')).Order(StringComparer.Ordinal).ToList();
        if (a.Count != 1) return Fail(folder, "atop-no-files", a.Count == 0 ? "no alliance-level file atopX_Ya.csv" : $"several alliance-level files: {string.Join(", ", a)}");
        if (m.Count != 1) return Fail(folder, "atop-no-files", m.Count == 0 ? "no member-level file atopX_Ym.csv" : $"several member-level files: {string.Join(", ", m)}");
        return Import(Path.Combine(folder, a[0]), Path.Combine(folder, m[0]));
    }

    public static AtopImportResult Import(string allianceFile, string memberFile)
    {
        var errors = new List<AtopError>();
        CsvTable at, mt;
        try
        {
            at = CsvTable.Read(allianceFile);
            mt = CsvTable.Read(memberFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e is FileNotFoundException f ? f.FileName ?? allianceFile : allianceFile, "atop-io", e.Message);
        }
        var aCols = Columns(at, AtopColumns.AllianceRequired, errors);
        var mCols = Columns(mt, AtopColumns.MemberRequired, errors);
        if (errors.Count > 0) return new(null, errors);

        var members = ReadMembers(mt, mCols!, errors);
        var mentioned = mt.Rows.Select(r => r.Field(mCols!["atopid"]).Trim().ToString()).ToHashSet();
        var alliances = ReadAlliances(at, aCols!, members, mentioned, mt.File, mCols!["atopid"] + 1, errors);
        if (errors.Count > 0) return new(null, Sorted(errors));

        var version = mt.Rows.Count > 0 ? mt.Rows[0].Field(mCols!["version"]).Trim().ToString() : "";
        var lastYear = alliances.SelectMany(x => x.Members)
            .SelectMany(x => new[] { x.Entry.Year, x.Exit?.Year ?? 0 })
            .Concat(alliances.SelectMany(x => new[] { x.Begin.Year, x.End?.Year ?? 0 }))
            .DefaultIfEmpty(1815).Max();
        return new(new AtopRelease(version, allianceFile, memberFile, alliances, mCols!, new DateOnly(lastYear, 12, 31)), []);
    }

    private static AtopImportResult Fail(string file, string code, string message) =>
        new(null, [new AtopError(file, 0, 0, code, message)]);

    private static List<AtopError> Sorted(List<AtopError> errors) =>
        errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList();

    /// <summary>Maps required column names to indexes; a missing one is reported at a column whose name ATOP does not use, if any (likely renamed).</summary>
    private static Dictionary<string, int>? Columns(CsvTable t, string[] required, List<AtopError> errors)
    {
        // Names are matched case-insensitively; the map holds them lower-cased for cheap ordinal lookups.
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = errors.Count;
        for (var i = 0; i < t.Header.Length; i++)
        {
            if (!map.TryAdd(t.Header[i].ToLowerInvariant(), i)) errors.Add(new AtopError(t.File, 1, i + 1, "atop-duplicate-column", $"column '{t.Header[i]}' appears twice"));
        }
        var unknown = Enumerable.Range(0, t.Header.Length).Where(i => !KnownColumns.Contains(t.Header[i])).ToList();
        foreach (var name in required.Where(r => !map.ContainsKey(r)))
        {
            if (unknown.Count > 0)
            {
                var i = unknown[0];
                errors.Add(new AtopError(t.File, 1, i + 1, "atop-missing-column", $"column '{name}' is missing (column {i + 1} is '{t.Header[i]}', not an ATOP name: renamed?)"));
            }
            else
            {
                errors.Add(new AtopError(t.File, 1, 1, "atop-missing-column", $"column '{name}' is missing"));
            }
        }
        foreach (var row in t.Rows)
        {
            if (row.Count != t.Header.Length)
            {
                errors.Add(new AtopError(t.File, row.Line, Math.Min(row.Count, t.Header.Length) + 1, "atop-field-count", $"row has {row.Count} fields, the header {t.Header.Length}"));
            }
        }
        return errors.Count > before ? null : map;
    }

    private static readonly HashSet<string> KnownColumns = new(
        AtopColumns.MemberRequired.Concat(AtopColumns.AllianceRequired).Concat(
        [
            "cowwar", "wartime", "estmode", "pubsecr", "secrart", "proadd", "futmem", "speclgth", "length", "renounce",
            "proren", "renewlgt", "term", "termcaus", "active", "conditio", "defcon", "offcon", "neucon", "concon",
            "notaiden", "dipaid", "terrres", "seppeace", "thirdcom", "noothall", "conwtin", "medarb", "milcon",
            "intcom", "subord", "base", "contrib", "armred", "acqterr", "divgains", "demwith", "reflnun", "refothio",
            "natrefal", "compag", "nomicoop", "conres", "agprois", "conmen", "ecaid", "interv", "source", "new4",
            "rev4", "new5", "rev5",
        ]).Concat(Enumerable.Range(1, 200).Select(i => $"mem{i}")),
        StringComparer.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<AtopMember> ReadMembers(CsvTable t, Dictionary<string, int> cols, List<AtopError> errors)
    {
        var r = new AtopRowReader(t, cols, errors);
        var list = new List<AtopMember>();
        foreach (var row in t.Rows)
        {
            r.Start(row);
            var line = row.Line;
            var before = errors.Count;
            var id = r.Int("atopid", 1);
            var state = r.Int("member", 1);
            var cowsys = r.Dummy("cowsys");
            var inEffect = r.Dummy("ineffect");
            var entry = r.Date("yrent", "moent", "dayent");
            var exit = r.ExitDate("yrexit", "moexit", "dayexit", inEffect);
            var phase = r.Int("phase", 0);
            r.Int("maxphase", 0);
            r.Dummy("bilat");
            var termMode = r.Int("termmode", 0);
            var promises = AllianceObligations.None;
            for (var k = 0; k < AtopColumns.ObligationColumns.Length; k++)
            {
                if (r.Dummy(AtopColumns.ObligationColumns[k])) promises |= AtopColumns.ObligationFlags[k];
            }
            var conditions = new List<string>();
            foreach (var c in AtopColumns.AllConditions) if (r.Dummy(c)) conditions.Add(c);
            var asymm = r.Dummy("asymm");
            var obvary = r.Dummy("obvary");
            if (entry is { } e && exit is { } x && x.LastDay < e.FirstDay)
            {
                r.Error("yrexit", "atop-bad-date", $"exit {x} is before entry {e}");
            }
            if (errors.Count > before || id is null || state is null || entry is null || phase is null) continue;
            list.Add(new AtopMember(id.Value, state.Value, phase.Value, cowsys, entry.Value, exit, inEffect, promises,
                conditions, asymm, obvary, termMode, line));
        }
        return list;
    }

    private static List<AtopAlliance> ReadAlliances(
        CsvTable t, Dictionary<string, int> cols, List<AtopMember> members, HashSet<string> mentioned, string memberFile, int memberIdColumn, List<AtopError> errors)
    {
        var r = new AtopRowReader(t, cols, errors);
        var byId = members.GroupBy(m => m.AtopId).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<int>();
        var list = new List<AtopAlliance>();
        foreach (var row in t.Rows)
        {
            r.Start(row);
            var line = row.Line;
            var before = errors.Count;
            var id = r.Int("atopid", 1);
            var inEffect = r.Dummy("ineffect");
            var begin = r.Date("begyr", "begmo", "begday");
            var end = r.ExitDate("endyr", "endmo", "endday", inEffect);
            var a = new AtopAlliance(
                id ?? 0, r.Int("cowid"), r.Int("cow4id"), begin ?? default, end, inEffect, r.Dummy("bilat"), r.Int("maxphase") ?? 0,
                r.Dummy("asymm"), r.Int("estmode"), r.Int("pubsecr"), r.Int("secrart"), r.Int("milaid"), r.Int("organ1"),
                r.Int("orgpurp1"), r.Int("organ2"), r.Int("orgpurp2"), r.Int("term"), r.Int("specthrt"), r.Int("statthr1"),
                r.Int("statthr2"), line, []);
            if (begin is { } b && end is { } x && x.LastDay < b.FirstDay) r.Error("endyr", "atop-bad-date", $"end {x} is before begin {b}");
            if (id is { } i && !seen.Add(i)) r.Error("atopid", "atop-duplicate-alliance", $"alliance {i} appears twice");
            if (id is { } j && !mentioned.Contains(r.Raw("atopid"))) r.Error("atopid", "atop-no-members", $"alliance {j} has no rows in the member-level file");
            if (errors.Count > before || !byId.ContainsKey(a.AtopId)) continue;
            list.Add(a with { Members = byId[a.AtopId].OrderBy(m => m.Phase).ThenBy(m => m.State).ThenBy(m => m.Entry.FirstDay).ToList() });
        }
        foreach (var m in members.Where(m => !seen.Contains(m.AtopId)))
        {
            errors.Add(new AtopError(memberFile, m.Line, memberIdColumn, "atop-unknown-alliance", $"alliance {m.AtopId} is not in the alliance-level file"));
        }
        return list.OrderBy(a => a.AtopId).ToList();
    }
}
