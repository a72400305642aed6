using System.Text.RegularExpressions;

namespace Pacta.Datasets.Atop;

/// <summary>
/// Reads an ATOP release folder (alliance-level <c>atopX_Ya.csv</c> and member-level <c>atopX_Ym.csv</c>),
/// validates every field, and returns the whole release or located errors — never a partial release.
/// </summary>
public static partial class AtopImporter
{
    [GeneratedRegex(@"^atop\d+_\d+a\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex AllianceFileName();

    [GeneratedRegex(@"^atop\d+_\d+m\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex MemberFileName();

    /// <summary>Imports the release in <paramref name="folder"/> (file names as ATOP publishes them; NNA variants are ignored).</summary>
    public static AtopImportResult ImportFolder(string folder)
    {
        if (!Directory.Exists(folder)) return Fail(folder, "atop-no-folder", "folder not found");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        var a = files.Where(f => AllianceFileName().IsMatch(f)).Order(StringComparer.Ordinal).ToList();
        var m = files.Where(f => MemberFileName().IsMatch(f)).Order(StringComparer.Ordinal).ToList();
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
        catch (IOException e)
        {
            return Fail(e is FileNotFoundException f ? f.FileName ?? allianceFile : allianceFile, "atop-io", e.Message);
        }
        var aCols = Columns(at, AtopColumns.AllianceRequired, errors);
        var mCols = Columns(mt, AtopColumns.MemberRequired, errors);
        if (errors.Count > 0) return new(null, errors);

        var members = ReadMembers(mt, mCols!, errors);
        var mentioned = mt.Rows.Select(r => r.Fields.ElementAtOrDefault(mCols!["atopid"])?.Trim()).ToHashSet();
        var alliances = ReadAlliances(at, aCols!, members, mentioned, mt.File, mCols!["atopid"] + 1, errors);
        if (errors.Count > 0) return new(null, Sorted(errors));

        var version = mt.Rows.Count > 0 ? mt.Rows[0].Fields[mCols!["version"]].Trim() : "";
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
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var before = errors.Count;
        for (var i = 0; i < t.Header.Length; i++)
        {
            if (!map.TryAdd(t.Header[i], i)) errors.Add(new AtopError(t.File, 1, i + 1, "atop-duplicate-column", $"column '{t.Header[i]}' appears twice"));
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
        foreach (var (line, fields) in t.Rows)
        {
            if (fields.Length != t.Header.Length)
            {
                errors.Add(new AtopError(t.File, line, Math.Min(fields.Length, t.Header.Length) + 1, "atop-field-count", $"row has {fields.Length} fields, the header {t.Header.Length}"));
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

    private static List<AtopMember> ReadMembers(CsvTable t, Dictionary<string, int> cols, List<AtopError> errors)
    {
        var r = new AtopRowReader(t, cols, errors);
        var list = new List<AtopMember>();
        foreach (var (line, fields) in t.Rows)
        {
            r.Start(line, fields);
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
            for (var k = 0; k < AtopColumns.PromiseColumns.Length; k++)
            {
                if (r.Dummy(AtopColumns.PromiseColumns[k])) promises |= AtopColumns.PromiseFlags[k];
            }
            var conditions = AtopColumns.ConditionColumns.Values.SelectMany(c => c).Append(AtopColumns.OtherCondition)
                .Where(c => r.Dummy(c)).ToList();
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
        CsvTable t, Dictionary<string, int> cols, List<AtopMember> members, HashSet<string?> mentioned, string memberFile, int memberIdColumn, List<AtopError> errors)
    {
        var r = new AtopRowReader(t, cols, errors);
        var byId = members.GroupBy(m => m.AtopId).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<int>();
        var list = new List<AtopAlliance>();
        foreach (var (line, fields) in t.Rows)
        {
            r.Start(line, fields);
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
