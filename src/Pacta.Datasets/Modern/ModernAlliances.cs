using Pacta.Domain;

namespace Pacta.Datasets.Modern;

/// <summary>
/// Turns hand-encoded agreements into the generators' input so that the ATOP dyad-years continue past the
/// release. Only the five ATOP provision kinds count (docs/compare.md); directions come from the obligations
/// (obligor → the state the trigger protects), members from the parties on each day, organization memberships
/// included. The mapping and its reasons are documented in docs/datasets.md.
/// </summary>
public static class ModernAlliances
{
    /// <summary>Ids given to agreements that do not stand for an ATOP alliance; above any ATOP id (ATOP 5.1 stops below 7000).</summary>
    public const int FirstOwnId = 900_001;

    /// <summary>The ATOP code of a provision kind, or null for kinds ATOP has no code for (assistance, sanctions, …).</summary>
    public static AllianceObligations? Code(ProvisionKind kind) => kind switch
    {
        ProvisionKind.Defense => AllianceObligations.Defense,
        ProvisionKind.Offense => AllianceObligations.Offense,
        ProvisionKind.Neutrality => AllianceObligations.Neutrality,
        ProvisionKind.NonAggression => AllianceObligations.NonAggression,
        ProvisionKind.Consultation => AllianceObligations.Consultation,
        _ => null,
    };

    /// <summary>
    /// Whether an agreement can become an alliance row: ATOP counts only written agreements binding under
    /// international law, so political commitments and proposals join only with <paramref name="includePolitical"/>;
    /// it also needs at least one provision with an ATOP code and a date of entry into force.
    /// </summary>
    public static bool Qualifies(Agreement a, bool includePolitical) =>
        (a.Bindingness == Bindingness.Legal || includePolitical)
        && a.Dates.InForceOn is not null
        && a.Provisions.Any(p => Code(p.Kind) is not null);

    /// <summary>The ATOP alliance an agreement declares itself the same as (<c>related: same-as atop-ID</c>), if any.</summary>
    public static int? SameAsAtop(Agreement a)
    {
        foreach (var r in a.Related)
        {
            if (AtopId(r, Relation.SameAs) is { } id) return id;
        }
        return null;
    }

    /// <summary>ATOP alliances an agreement supersedes (<c>related: supersedes atop-ID</c>).</summary>
    public static IEnumerable<int> SupersededAtop(Agreement a)
    {
        foreach (var r in a.Related)
        {
            if (AtopId(r, Relation.Supersedes) is { } id) yield return id;
        }
    }

    private static int? AtopId(AgreementRelation r, Relation relation) =>
        r.Relation == relation && r.Agreement.StartsWith("atop-", StringComparison.Ordinal)
            && int.TryParse(r.Agreement.AsSpan(5), out var id) && id > 0 ? id : null;

    /// <summary>
    /// One <see cref="AllianceInput"/> per qualifying agreement, covering the days <paramref name="from"/> to
    /// <paramref name="to"/> only. An agreement that is the same as an ATOP alliance keeps the ATOP id; the others
    /// get ids from <see cref="FirstOwnId"/> in agreement-id order.
    /// </summary>
    public static IReadOnlyList<AllianceInput> From(IEnumerable<Agreement> pactaAgreements, Corpus corpus, DateOnly from, DateOnly to, bool includePolitical = false)
    {
        var list = new List<AllianceInput>();
        var next = FirstOwnId;
        foreach (var a in pactaAgreements.Where(a => Qualifies(a, includePolitical)).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var id = SameAsAtop(a) ?? next++;
            var spells = Spells(a, corpus, from, to);
            if (spells.Count > 0) list.Add(new AllianceInput(id, spells));
        }
        return list;
    }

    /// <summary>
    /// The agreement cut into periods in which its parties and suspensions do not change; each period is a phase
    /// (numbered in time order, so the generators' "highest phase in the year" is the state at the year's end,
    /// as ATOP codes it). Every party in a period is a member, with what it owes each co-member.
    /// </summary>
    private static List<AllianceMemberSpell> Spells(Agreement a, Corpus corpus, DateOnly from, DateOnly to)
    {
        var inForce = a.InForce;
        var first = Max(from, inForce.From ?? from);
        var last = Min(to, inForce.To ?? to);
        var spells = new List<AllianceMemberSpell>();
        if (first > last) return spells;
        var cuts = Cuts(a, corpus, first, last, out var count);
        for (var i = 0; i < count; i++)
        {
            var start = cuts[i];
            var end = i + 1 < count ? cuts[i + 1].AddDays(-1) : last;
            var owes = Obligations(a, corpus, start);
            foreach (var m in owes.Sorted())
            {
                var toward = new Dictionary<int, AllianceObligations>();
                var promises = AllianceObligations.None;
                for (var k = 0; k < owes.Count; k++)
                {
                    var other = owes.Members[k];
                    if (other == m) continue;
                    var o = owes.Get(m, other);
                    toward[other] = o;
                    promises |= o;
                }
                spells.Add(new AllianceMemberSpell(m, i + 1, start, end, promises, toward));
            }
        }
        return spells;
    }

    /// <summary>
    /// <paramref name="first"/> and the days after it, up to <paramref name="last"/>, on which the parties or
    /// suspensions may change (starts, and the day after each end), ascending without repeats.
    /// </summary>
    /// <remarks>Plain arrays rather than LINQ over dates: generic code over value types is not in the ReadyToRun image.</remarks>
    private static DateOnly[] Cuts(Agreement a, Corpus corpus, DateOnly first, DateOnly last, out int count)
    {
        var days = new DateOnly[16];
        var n = 0;
        days[n++] = first;
        void Add(DateSpan s)
        {
            if (s.From is { } f) Insert(f);
            if (s.To is { } t && t < DateOnly.MaxValue) Insert(t.AddDays(1));
        }
        void Insert(DateOnly d)
        {
            if (d <= first || d > last) return;
            var at = n;
            while (at > 0 && days[at - 1] > d) at--;
            if (at > 0 && days[at - 1] == d) return;
            if (n == days.Length)
            {
                var more = new DateOnly[n * 2];
                Array.Copy(days, more, n);
                days = more;
            }
            Array.Copy(days, at, days, at + 1, n - at);
            days[at] = d;
            n++;
        }
        foreach (var p in a.Parties)
        {
            foreach (var s in p.Suspensions) Add(s.Span);
            Add(p.Span);
            if (p.Organization is { } id && corpus.Organization(id) is { } org)
                foreach (var m in org.Members) Add(m.Span);
        }
        count = n;
        return days;
    }

    /// <summary>
    /// The members of a period (COW parties, in party order, then protected states named outside the parties) and
    /// what each owes each other, in a small dense matrix: no tuple-keyed dictionary, whose generic code is not in
    /// the ReadyToRun image.
    /// </summary>
    private sealed class Owes(int capacity)
    {
        private readonly int[] _local = new int[DirectedDyadTable.CowCodeLimit];
        private readonly AllianceObligations[] _cells = new AllianceObligations[capacity * capacity];
        public readonly int[] Members = new int[capacity];
        public int Count;

        public void Add(int state)
        {
            if (_local[state] != 0) return;
            Members[Count] = state;
            _local[state] = ++Count;
        }

        public void Or(int from, int to, AllianceObligations code)
        {
            Add(from);
            Add(to);
            _cells[(_local[from] - 1) * capacity + _local[to] - 1] |= code;
        }

        public AllianceObligations Get(int from, int to) => _cells[(_local[from] - 1) * capacity + _local[to] - 1];

        public int[] Sorted()
        {
            var sorted = new int[Count];
            for (var i = 0; i < Count; i++)
            {
                var at = i;
                while (at > 0 && sorted[at - 1] > Members[i]) { sorted[at] = sorted[at - 1]; at--; }
                sorted[at] = Members[i];
            }
            return sorted;
        }
    }

    /// <summary>
    /// What each party owes each other party on <paramref name="day"/> under the ATOP-coded provisions: obligors and
    /// protected states as <see cref="BoundParties"/> reads the selectors, suspended pairs left out.
    /// </summary>
    private static Owes Obligations(Agreement a, Corpus corpus, DateOnly day)
    {
        var on = corpus.Bound.On(a, day, Assumptions.None);
        var parties = on.Parties;
        // Room for every party and every state named in a selector.
        var capacity = parties.Count;
        foreach (var p in a.Provisions)
        {
            if (p.Trigger is { } t) capacity += t.Target.States.Count;
            foreach (var o in p.Obligations) capacity += o.Obligor.States.Count + o.Beneficiary.States.Count;
        }
        var owes = new Owes(capacity);
        foreach (var p in parties)
        {
            if (DirectedDyadTable.IsCowCode(p.State)) owes.Add(p.State);
        }
        var obligors = new List<(int State, PartyRole Role)>();
        var beneficiaries = new List<int>();
        foreach (var p in a.Provisions)
        {
            if (Code(p.Kind) is not { } code) continue;
            foreach (var o in p.Obligations)
            {
                on.Protected(o.Beneficiary, p.Trigger?.Target, beneficiaries);
                on.Obligors(o.Obligor, null, obligors);
                foreach (var (x, _) in obligors)
                {
                    if (!on.Covers(o.Obligor, x) || !DirectedDyadTable.IsCowCode(x)) continue;
                    foreach (var y in beneficiaries)
                    {
                        if (x == y || !DirectedDyadTable.IsCowCode(y) || on.Suspension(x, y) is not null) continue;
                        // A protected state named outside the parties still shares the alliance with its protector.
                        owes.Or(x, y, code);
                    }
                }
            }
        }
        return owes;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
