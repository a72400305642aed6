namespace Pacta.Domain;

/// <summary>
/// The one place that decides who is bound by an agreement on a day: whether it is in force (its dates, an
/// assumed adoption, a successor that supersedes it, the continuation of an imported dataset after its last
/// year), its parties (direct, through organizations with their membership dates, assumed members), each with
/// role and suspensions, and whom a selector (<c>any-member</c>, <c>other-parties</c>, <c>role:R</c>, named
/// states, <c>non-party</c> …) means. The what-if evaluator, the cascade, the peace promises, the guarantee
/// network, the comparison and the dataset continuation all ask here. Built once per corpus; read-only after.
/// </summary>
public sealed class BoundParties
{
    private readonly Dictionary<Agreement, AgreementTerms> _terms = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AgreementOrigin, DateOnly> _coverageEnds = new();

    public BoundParties(Corpus corpus)
    {
        Corpus = corpus;
        // An imported dataset covers up to 31 December of the latest year in its dates (ATOP 5.1: 2018-12-31);
        // read from the data so that a newer release moves it.
        foreach (var a in corpus.Agreements)
        {
            if (a.Origin == AgreementOrigin.Pacta) continue;
            var year = LatestYear(a);
            if (year > 0 && (!_coverageEnds.TryGetValue(a.Origin, out var end) || end.Year < year))
                _coverageEnds[a.Origin] = new DateOnly(year, 12, 31);
        }
        var represented = new HashSet<string>(StringComparer.Ordinal);
        var successors = new Dictionary<string, List<Agreement>>(StringComparer.Ordinal);
        foreach (var a in corpus.Agreements)
        {
            foreach (var r in a.Related)
            {
                // Only an imported ATOP alliance can be represented by a hand-encoded file (PACTA063 refuses the rest), so
                // a bad same-as never hides a hand-encoded agreement from one reader while another keeps it.
                if (r.Relation == Relation.SameAs && a.Origin != AgreementOrigin.Atop && r.Agreement != a.Id && corpus.Agreement(r.Agreement)?.Origin == AgreementOrigin.Atop)
                    represented.Add(r.Agreement);
                if (r.Relation == Relation.Supersedes)
                {
                    if (!successors.TryGetValue(r.Agreement, out var list)) successors[r.Agreement] = list = [];
                    list.Add(a);
                }
            }
        }
        foreach (var a in corpus.Agreements)
            _terms[a] = new AgreementTerms(corpus, a, represented.Contains(a.Id),
                successors.TryGetValue(a.Id, out var s) ? [.. s] : [],
                _coverageEnds.TryGetValue(a.Origin, out var end) ? end : null);
    }

    public Corpus Corpus { get; }

    /// <summary>The last day an imported dataset covers (origin <c>atop</c>: the ATOP release), read from its agreements; null for hand-encoded ones.</summary>
    public DateOnly? CoverageEnd(AgreementOrigin origin) => _coverageEnds.TryGetValue(origin, out var d) ? d : null;

    /// <summary>What is known of an agreement independently of the day. An agreement outside the corpus gets terms of its own.</summary>
    public AgreementTerms Terms(Agreement a) =>
        _terms.TryGetValue(a, out var t) ? t : new AgreementTerms(Corpus, a, false, [], CoverageEnd(a.Origin));

    /// <summary>The agreement on a day, under the assumptions.</summary>
    public AgreementOnDay On(Agreement a, DateOnly day, Assumptions assumptions) => Terms(a).On(day, assumptions);

    /// <summary>
    /// An imported ATOP alliance that a hand-encoded agreement declares <c>same-as</c>: counted once, through the
    /// hand-encoded file.
    /// </summary>
    public bool IsRepresented(Agreement a) => Terms(a).Represented;

    /// <summary>Every state that is ever a party (directly or through an organization), for "involves" filters.</summary>
    public IEnumerable<int> EverParties(Agreement a)
    {
        var seen = new HashSet<int>();
        foreach (var s in Terms(a).Spells) if (seen.Add(s.State)) yield return s.State;
    }

    /// <summary>Every state that is ever a party, with the role of each of its party entries (once per state and role).</summary>
    public IEnumerable<(int State, PartyRole Role)> EverPartyRoles(Agreement a)
    {
        var seen = new HashSet<(int, PartyRole)>();
        foreach (var s in Terms(a).Spells) if (seen.Add((s.State, s.Role))) yield return (s.State, s.Role);
    }

    private static int LatestYear(Agreement a)
    {
        var year = 0;
        void See(DateOnly? d)
        {
            if (d is { } x && x.Year > year && x != DateOnly.MaxValue) year = x.Year;
        }
        See(a.Dates.InForceOn);
        See(a.Dates.Ends);
        foreach (var p in a.Parties)
        {
            See(p.Span.From);
            See(p.Span.To);
        }
        return year;
    }
}

/// <summary>
/// What the resolver knows of one agreement independently of the day: its span in force, every party spell
/// (direct parties, and the members of party organizations with both spans, in party order), the agreements
/// that supersede it and, for an imported alliance, the last day its dataset covers.
/// </summary>
public sealed class AgreementTerms
{
    internal AgreementTerms(Corpus corpus, Agreement a, bool represented, Agreement[] successors, DateOnly? coverageEnd)
    {
        Agreement = a;
        Represented = represented;
        Successors = successors;
        CoverageEnd = coverageEnd;
        HasInForceDate = a.Dates.InForceOn is not null;
        InForceSpan = a.InForce;
        var spells = new List<PartySpell>();
        foreach (var p in a.Parties)
        {
            if (p.State is { } s) spells.Add(new PartySpell(s, p.Role, p, p.Span, DateSpan.Always));
            else if (p.Organization is { } orgId && corpus.Organization(orgId) is { } org)
                foreach (var m in org.Members) spells.Add(new PartySpell(m.State, p.Role, p, p.Span, m.Span));
        }
        Spells = [.. spells];
        _everParties = spells.Select(s => s.State).ToHashSet();
    }

    private readonly HashSet<int> _everParties;

    /// <summary>Whether the state is a party on some day (directly or through an organization), assumptions aside.</summary>
    public bool EverParty(int cow) => _everParties.Contains(cow);

    public Agreement Agreement { get; }
    public bool Represented { get; }
    public IReadOnlyList<Agreement> Successors { get; }
    public DateOnly? CoverageEnd { get; }
    public bool HasInForceDate { get; }
    public DateSpan InForceSpan { get; }
    internal PartySpell[] Spells { get; }

    /// <summary>The agreement on a day, under the assumptions.</summary>
    public AgreementOnDay On(DateOnly day, Assumptions assumptions) => new(this, day, assumptions);

    /// <summary>In force on the day by its own dates (before supersession and assumptions).</summary>
    public bool DatesInForceOn(DateOnly day) => HasInForceDate && InForceSpan.Contains(day);

    /// <summary>The first day after <paramref name="day"/> on which a state becomes a party (or joins a party organization), if any.</summary>
    public DateOnly? NextEntry(int cow, DateOnly day)
    {
        DateOnly? next = null;
        foreach (var s in Spells)
        {
            if (s.State != cow) continue;
            var from = s.Party.State is not null ? s.Span.From : s.Membership.From;
            if (from is { } f && f > day && (next is null || f < next)) next = f;
        }
        return next;
    }
}

/// <summary>One spell of a state in an agreement: the party entry's span and, through an organization, the membership span.</summary>
internal readonly record struct PartySpell(int State, PartyRole Role, Party Party, DateSpan Span, DateSpan Membership);
