using System.Globalization;
using System.Text;
using Pacta.Domain;

namespace Pacta.Datasets.Modern;

/// <summary>
/// Pacta's own post-release alliances in ATOP's published layout (the columns of atop5_1m.csv and atop5_1a.csv, in
/// their order), so they can be bound under ATOP 5.1 (R: <c>rbind</c>). Ids are those of <see cref="ModernAlliances"/>
/// (from <see cref="ModernAlliances.FirstOwnId"/>); a column Pacta does not code is left blank, ATOP's missing value.
/// docs/datasets.md lists what each written column means.
/// </summary>
public static class AtopExtension
{
    /// <summary>The member-level columns of ATOP 5.1 (atop5_1m.csv).</summary>
    public static readonly string[] MemberColumns =
    [
        "atopid", "cowid", "cow4id", "member", "cowsys", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
        "ineffect", "bilat", "phase", "maxphase", "wartime", "cowwar", "estmode", "pubsecr", "secrart", "proadd",
        "futmem", "speclgth", "length", "renounce", "proren", "renewlgt", "term", "termmode", "termcaus", "defense",
        "offense", "neutral", "nonagg", "consul", "active", "conditio", "defcon", "offcon", "neucon", "concon",
        "defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr", "offcoadv", "offcoloc", "offcocon",
        "offconum", "offcodem", "neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt",
        "concoadv", "concoloc", "concocon", "concoreq", "olimob", "asymm", "obvary", "notaiden", "dipaid", "terrres",
        "seppeace", "thirdcom", "noothall", "specthrt", "statthr1", "statthr2", "conwtin", "medarb", "milcon",
        "milaid", "intcom", "subord", "organ1", "orgpurp1", "organ2", "orgpurp2", "base", "contrib", "armred",
        "acqterr", "divgains", "demwith", "reflnun", "refothio", "natrefal", "compag", "nomicoop", "conres",
        "agprois", "conmen", "ecaid", "interv", "source", "new5", "rev5", "version"
    ];

    /// <summary>The alliance-level columns of ATOP 5.1 (atop5_1a.csv).</summary>
    public static readonly string[] AllianceColumns =
    [
        "atopid", "cowid", "cow4id", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "ineffect", "bilat",
        "maxphase", "wartime", "estmode", "pubsecr", "secrart", "proadd", "futmem", "speclgth", "length", "renounce",
        "proren", "renewlgt", "term", "defense", "offense", "neutral", "nonagg", "consul", "active", "conditio",
        "defcon", "offcon", "neucon", "concon", "asymm", "notaiden", "dipaid", "terrres", "seppeace", "thirdcom",
        "noothall", "specthrt", "statthr1", "statthr2", "conwtin", "medarb", "milcon", "milaid", "intcom", "subord",
        "organ1", "orgpurp1", "organ2", "orgpurp2", "base", "contrib", "armred", "acqterr", "divgains", "demwith",
        "reflnun", "refothio", "natrefal", "compag", "nomicoop", "conres", "agprois", "conmen", "ecaid", "interv",
        "mem1", "mem2", "mem3", "mem4", "mem5", "mem6", "mem7", "mem8", "mem9", "mem10", "mem11", "mem12", "mem13",
        "mem14", "mem15", "mem16", "mem17", "mem18", "mem19", "mem20", "mem21", "mem22", "mem23", "mem24", "mem25",
        "mem26", "mem27", "mem28", "mem29", "mem30", "mem31", "mem32", "mem33", "mem34", "mem35", "mem36", "mem37",
        "mem38", "mem39", "mem40", "mem41", "mem42", "mem43", "mem44", "mem45", "mem46", "mem47", "mem48", "mem49",
        "mem50", "mem51", "mem52", "mem53", "mem54", "mem55", "mem56", "mem57", "mem58", "mem59", "source", "new5",
        "rev5", "version"
    ];

    /// <summary>One exported alliance: its members' spells and the agreement it codes.</summary>
    public sealed record Entry(AllianceInput Alliance, Agreement Agreement);

    /// <summary>
    /// The alliances Pacta codes itself (not those continuing an ATOP alliance through <c>same-as</c>) whose
    /// agreement was signed (or, without a signature date, entered into force) after the release's coverage end.
    /// <paramref name="lastDay"/> is the last day <paramref name="continuous"/> was built for: memberships that reach
    /// it are still in effect (open, as ATOP codes them).
    /// </summary>
    public static IReadOnlyList<Entry> Select(ContinuousAlliances continuous, IEnumerable<Agreement> pactaAgreements, DateOnly lastDay, bool includePolitical = false)
    {
        var own = pactaAgreements.Where(a => ModernAlliances.Qualifies(a, includePolitical)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var result = new List<Entry>();
        var next = ModernAlliances.FirstOwnId;
        foreach (var a in own)
        {
            if (ModernAlliances.SameAsAtop(a) is not null) continue;
            var id = next++;
            var alliance = continuous.Pacta.FirstOrDefault(x => x.Id == id);
            var start = a.Dates.Signed ?? a.Dates.InForceOn;
            if (alliance is null || start is not { } s || s <= continuous.CoverageEnd) continue;
            var members = alliance.Members.Select(m => m.To is { } to && to >= lastDay ? m with { To = null } : m).ToList();
            result.Add(new Entry(alliance with { Members = members }, a));
        }
        return result;
    }

    /// <summary>Writes the member-level file (one row per member and phase).</summary>
    public static int WriteMembers(TextWriter w, IReadOnlyList<Entry> entries)
    {
        w.Write(string.Join(',', MemberColumns));
        w.Write('\n');
        var rows = 0;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alliance, agreement) in entries)
        {
            var phases = Phases(alliance);
            var bilat = alliance.Members.Select(m => m.State).Distinct().Count() == 2;
            var conditions = Conditions(agreement);
            foreach (var m in alliance.Members.OrderBy(m => m.Phase).ThenBy(m => m.State))
            {
                values.Clear();
                values["atopid"] = Int(alliance.Id);
                values["member"] = Int(m.State);
                values["cowsys"] = "1";
                Date(values, "yrent", "moent", "dayent", m.From);
                if (m.To is { } to) Date(values, "yrexit", "moexit", "dayexit", to);
                else (values["yrexit"], values["moexit"], values["dayexit"]) = ("0", "0", "0");
                values["ineffect"] = m.To is null ? "1" : "0";
                values["bilat"] = bilat ? "1" : "0";
                values["phase"] = Int(phases == 1 ? 0 : m.Phase);
                values["maxphase"] = Int(phases == 1 ? 0 : phases);
                var promises = m.Obligations & AllianceObligations.AtopKinds;
                for (var k = 0; k < Atop.AtopColumns.ObligationColumns.Length; k++)
                    values[Atop.AtopColumns.ObligationColumns[k]] = (promises & Atop.AtopColumns.ObligationFlags[k]) != 0 ? "1" : "0";
                foreach (var c in Atop.AtopColumns.AllConditions) values[c] = conditions.Contains(c) && HasObligationOf(c, promises) ? "1" : "0";
                values["asymm"] = Asymmetric(alliance) ? "1" : "0";
                values["obvary"] = ObligationsVary(m) ? "1" : "0";
                Row(w, MemberColumns, values);
                rows++;
            }
        }
        return rows;
    }

    /// <summary>Writes the alliance-level file (one row per alliance).</summary>
    public static int WriteAlliances(TextWriter w, IReadOnlyList<Entry> entries)
    {
        w.Write(string.Join(',', AllianceColumns));
        w.Write('\n');
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alliance, _) in entries)
        {
            values.Clear();
            var phases = Phases(alliance);
            var states = alliance.Members.Select(m => m.State).Distinct().Order().ToList();
            var open = alliance.Members.Any(m => m.To is null);
            values["atopid"] = Int(alliance.Id);
            Date(values, "begyr", "begmo", "begday", alliance.Members.Min(m => m.From));
            if (open) (values["endyr"], values["endmo"], values["endday"]) = ("0", "0", "0");
            else Date(values, "endyr", "endmo", "endday", alliance.Members.Max(m => m.To!.Value));
            values["ineffect"] = open ? "1" : "0";
            values["bilat"] = states.Count == 2 ? "1" : "0";
            values["maxphase"] = Int(phases == 1 ? 0 : phases);
            var promises = AllianceObligations.None;
            foreach (var m in alliance.Members) promises |= m.Obligations & AllianceObligations.AtopKinds;
            for (var k = 0; k < Atop.AtopColumns.ObligationColumns.Length; k++)
                values[Atop.AtopColumns.ObligationColumns[k]] = (promises & Atop.AtopColumns.ObligationFlags[k]) != 0 ? "1" : "0";
            values["asymm"] = Asymmetric(alliance) ? "1" : "0";
            for (var i = 0; i < states.Count && i < 59; i++) values[$"mem{i + 1}"] = Int(states[i]);
            Row(w, AllianceColumns, values);
        }
        return entries.Count;
    }

    private static int Phases(AllianceInput a) => a.Members.Max(m => m.Phase);

    /// <summary>Members do not all promise the same (a guarantee such as the Falepili Union).</summary>
    private static bool Asymmetric(AllianceInput a) =>
        a.Members.GroupBy(m => m.Phase).Any(g => g.Select(m => m.Obligations & AllianceObligations.AtopKinds).Distinct().Count() > 1);

    /// <summary>The member owes different co-members different promises (ATOP's OBVARY).</summary>
    private static bool ObligationsVary(AllianceMemberSpell m) =>
        m.Toward is { Count: > 1 } t && t.Values.Select(v => v & AllianceObligations.AtopKinds).Distinct().Count() > 1;

    /// <summary>
    /// ATOP's condition dummies that the agreement's triggers show: an attacker named (…COADV) or a place listed
    /// (…COLOC) on a provision of that kind; the others are 0 (not coded by Pacta).
    /// </summary>
    private static HashSet<string> Conditions(Agreement a)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in a.Provisions)
        {
            if (ModernAlliances.Code(p.Kind) is not { } code || p.Trigger is not { } t) continue;
            var prefix = Prefix(code);
            if (prefix is null) continue;
            if (t.Attacker.Kind == SelectorKind.States) set.Add(prefix + "coadv");
            if (t.Scope.Include.Count > 0) set.Add(prefix + "coloc");
        }
        return set;
    }

    private static string? Prefix(AllianceObligations code) => code switch
    {
        AllianceObligations.Defense => "def",
        AllianceObligations.Offense => "off",
        AllianceObligations.Neutrality => "neu",
        AllianceObligations.Consultation => "con",
        _ => null,
    };

    private static bool HasObligationOf(string condition, AllianceObligations promises) => condition[..3] switch
    {
        "def" => (promises & AllianceObligations.Defense) != 0,
        "off" => (promises & AllianceObligations.Offense) != 0,
        "neu" => (promises & AllianceObligations.Neutrality) != 0,
        "con" => (promises & AllianceObligations.Consultation) != 0,
        _ => false,
    };

    private static void Date(Dictionary<string, string> values, string y, string m, string d, DateOnly day)
    {
        values[y] = Int(day.Year);
        values[m] = Int(day.Month);
        values[d] = Int(day.Day);
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static void Row(TextWriter w, string[] columns, Dictionary<string, string> values)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < columns.Length; i++)
        {
            if (i > 0) sb.Append(',');
            if (values.TryGetValue(columns[i], out var v)) sb.Append(v);
        }
        sb.Append('\n');
        w.Write(sb.ToString());
    }
}
