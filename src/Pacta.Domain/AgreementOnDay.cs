namespace Pacta.Domain;

/// <summary>Why an agreement is or is not in force on a day (<see cref="AgreementOnDay.Force"/>).</summary>
public enum Force
{
    /// <summary>In force by its own dates.</summary>
    InForce,
    /// <summary>An imported alliance still open when its dataset ends, taken to continue after the dataset's last day.</summary>
    Continued,
    /// <summary>Not in force, but assumed adopted by the day (hypothetical).</summary>
    Adopted,
    /// <summary>Assumed adopted only from a later day.</summary>
    AdoptedLater,
    /// <summary>Never entered into force (a proposal, a signed text).</summary>
    NeverInForce,
    /// <summary>Enters into force after the day.</summary>
    NotYet,
    /// <summary>Ended before the day.</summary>
    Ended,
    /// <summary>A successor in force (or assumed adopted) that day supersedes it.</summary>
    Superseded,
}

/// <summary>
/// A state bound by an agreement on a day, with its role and the party entry that binds it: its own, its
/// organization's (<see cref="Organization"/>), or none for an assumed member. Kept to three fields: the what-if
/// builds these lists for every agreement it checks.
/// </summary>
public readonly record struct BoundParty(int State, PartyRole Role, Party? Party)
{
    public bool Assumed => Party is null;

    /// <summary>The organization through which the state is bound, if any (assumed members: none recorded).</summary>
    public string? Organization => Party?.Organization;
}

/// <summary>
/// One agreement on one day under the assumptions: in force or why not, who is bound with which role, whom each
/// selector means, and which obligations are suspended. The parties are worked out on first use, so checking
/// the hundreds of historical alliances not in force costs nothing more. Deterministic: a race between two
/// threads only computes them twice. Not sealed so that the evaluator's per-event context can be one (one
/// allocation per agreement and event on the what-if's hot path).
/// </summary>
public class AgreementOnDay
{
    private readonly AgreementTerms _terms;
    private List<BoundParty>? _parties;

    protected internal AgreementOnDay(AgreementTerms terms, DateOnly day, Assumptions assumptions)
    {
        _terms = terms;
        Day = day;
        Assumptions = assumptions;
        var a = terms.Agreement;
        foreach (var x in assumptions.Adopted) if (x.Agreement == a.Id) { Adoption = x; break; }
        var byDates = terms.DatesInForceOn(day);
        var superseded = terms.Successors.Count > 0
            && (byDates || (Adoption is { } ad && AdoptedBy(ad.From ?? a.Dates.Signed, day)))
            && Successor(out _) is not null;
        Force = superseded ? Force.Superseded
            : byDates ? (terms.CoverageEnd is { } end && day > end ? Force.Continued : Force.InForce)
            : Adoption is { } x2 ? (AdoptedBy(x2.From ?? a.Dates.Signed, day) ? Force.Adopted : Force.AdoptedLater)
            : a.Dates.InForceOn is null ? Force.NeverInForce
            : day < a.Dates.InForceOn ? Force.NotYet
            : Force.Ended;
    }

    /// <summary>
    /// The same agreement on the same day for another event: what the day decides (force, adoption, parties) is
    /// taken from <paramref name="day"/>, worked out once for all the events (the attack table's attackers).
    /// </summary>
    protected internal AgreementOnDay(AgreementOnDay day)
    {
        _terms = day._terms;
        Day = day.Day;
        Assumptions = day.Assumptions;
        Adoption = day.Adoption;
        Force = day.Force;
        _parties = day._parties ??= day.ComputeParties();
    }

    public Agreement Agreement => _terms.Agreement;
    public AgreementTerms Terms => _terms;
    public DateOnly Day { get; }
    public Assumptions Assumptions { get; }

    /// <summary>In force, continued past its dataset, or assumed adopted by the day (and not superseded).</summary>
    public bool InForce => Force is Force.InForce or Force.Continued or Force.Adopted;

    public Force Force { get; }

    /// <summary>
    /// The provision applies on the day: the agreement is in force and the day lies in the provision's own span, if
    /// it has one (an ATOP phase). Every reader that asks whether a provision binds on a day asks here.
    /// </summary>
    public bool ProvisionInForce(Provision p) => InForce && (p.Span is not { } s || s.Contains(Day));

    /// <summary>The assumed adoption of this agreement, if the scenario makes one.</summary>
    public AssumedAdoption? Adoption { get; }

    /// <summary>Assumed adopted while not in force by its dates: its obligations are hypothetical.</summary>
    public bool Hypothetical => Adoption is not null && !_terms.DatesInForceOn(Day);

    /// <summary>The successor that supersedes the agreement on the day (worked out again when asked: rare).</summary>
    public Agreement? SupersededBy => Force == Force.Superseded ? Successor(out _) : null;

    /// <summary>The first day on which <see cref="SupersededBy"/> supersedes the agreement.</summary>
    public DateOnly? SupersededFrom
    {
        get
        {
            if (Force != Force.Superseded) return null;
            Successor(out var from);
            return from;
        }
    }

    /// <summary>The last day of the agreement's dataset, when <see cref="Force"/> is <see cref="Force.Continued"/>.</summary>
    public DateOnly? CoverageEnd => _terms.CoverageEnd;

    private static bool AdoptedBy(DateOnly? from, DateOnly day) => from is null || from <= day;

    /// <summary>
    /// A successor that supersedes the agreement by the day: one that entered into force (or is assumed adopted)
    /// on or before it. An imported alliance stands as its dataset records it up to the dataset's last day.
    /// </summary>
    private Agreement? Successor(out DateOnly? from)
    {
        from = null;
        foreach (var b in _terms.Successors)
        {
            DateOnly? start = b.Dates.InForceOn;
            foreach (var x in Assumptions.Adopted)
            {
                if (x.Agreement != b.Id) continue;
                var adopted = x.From ?? b.Dates.Signed ?? DateOnly.MinValue;
                if (start is null || adopted < start) start = adopted;
            }
            if (start is not { } s) continue;
            if (_terms.CoverageEnd is { } end && end >= s) s = end.AddDays(1);
            if (s <= Day)
            {
                from = s;
                return b;
            }
        }
        return null;
    }

    /// <summary>The parties on the day: spells in party order, then assumed members not already parties.</summary>
    public IReadOnlyList<BoundParty> Parties => _parties ??= ComputeParties();

    private List<BoundParty> ComputeParties()
    {
        var day = Day;
        var a = Agreement;
        var parties = new List<BoundParty>();
        foreach (var s in _terms.Spells)
            if (s.Span.Contains(day) && s.Membership.Contains(day)) parties.Add(new BoundParty(s.State, s.Role, s.Party));
        foreach (var m in Assumptions.Members)
        {
            // A member assumed of a party organization takes the organization's role; of the agreement itself, member.
            Party? via = null;
            foreach (var p in a.Parties) if (p.Organization == m.Of) { via = p; break; }
            if (m.Of != a.Id && via is null) continue;
            if (m.From is { } f && f > day) continue;
            if (IsParty(parties, m.State)) continue;
            parties.Add(new BoundParty(m.State, via?.Role ?? PartyRole.Member, null));
        }
        return parties;
    }

    private static bool IsParty(List<BoundParty> parties, int cow)
    {
        foreach (var p in parties) if (p.State == cow) return true;
        return false;
    }

    /// <summary>The roles <c>any-member</c> covers: member, guarantor or beneficiary (not a mere signatory).</summary>
    public static bool IsMemberRole(PartyRole r) => r is PartyRole.Member or PartyRole.Guarantor or PartyRole.Beneficiary;

    /// <summary>The roles <c>other-parties</c> covers: those that owe (member or guarantor).</summary>
    public static bool IsObligorRole(PartyRole r) => r is PartyRole.Member or PartyRole.Guarantor;

    /// <summary>A party on the day in any role, signatory included (what <c>non-party</c> and named states test).</summary>
    public bool IsParty(int cow)
    {
        foreach (var p in Parties) if (p.State == cow) return true;
        return false;
    }

    public bool HasRole(int cow, PartyRole role)
    {
        foreach (var p in Parties) if (p.State == cow && p.Role == role) return true;
        return false;
    }

    /// <summary>Whether <c>any-member</c> covers the state: a party with role member, guarantor or beneficiary.</summary>
    public bool IsMember(int cow)
    {
        foreach (var p in Parties) if (p.State == cow && IsMemberRole(p.Role)) return true;
        return false;
    }

    /// <summary>Whether the state is a party only by assumption.</summary>
    public bool IsAssumedMember(int cow)
    {
        foreach (var p in Parties) if (p.State == cow && p.Assumed) return true;
        return false;
    }

    /// <summary>The role of the state's first party entry on the day, if it is a party.</summary>
    public PartyRole? RoleOf(int cow)
    {
        foreach (var p in Parties) if (p.State == cow) return p.Role;
        return null;
    }

    /// <summary>
    /// Whether a trigger's target selector protects the state: <c>any-member</c> a member, guarantor or beneficiary;
    /// <c>other-parties</c> a member or guarantor; <c>role:R</c> a party with role R; named states by name. Null
    /// for a selector that does not name protected states (the evaluator reports it as unknown).
    /// </summary>
    public bool? Protects(Selector target, int cow) => target.Kind switch
    {
        SelectorKind.AnyMember => IsMember(cow),
        SelectorKind.OtherParties => IsObligor(cow),
        SelectorKind.Role => target.Role is { } r && HasRole(cow, r),
        SelectorKind.States => target.States.Contains(cow),
        _ => null,
    };

    /// <summary>Whether a trigger's attacker selector admits the state; null for a selector the data cannot decide.</summary>
    public bool? Admits(Selector attacker, int cow) => attacker.Kind switch
    {
        SelectorKind.Anyone => true,
        SelectorKind.NonParty => !IsParty(cow),
        SelectorKind.States => attacker.States.Contains(cow),
        _ => null,
    };

    /// <summary>Whether the obligor selector includes the state on the day (named states only while parties).</summary>
    public bool Covers(Selector obligor, int cow) => obligor.Kind switch
    {
        SelectorKind.States => obligor.States.Contains(cow) && IsParty(cow),
        SelectorKind.Role => obligor.Role is { } r && HasRole(cow, r),
        SelectorKind.OtherParties => IsObligor(cow),
        SelectorKind.AnyMember => IsMember(cow),
        _ => false,
    };

    private bool IsObligor(int cow)
    {
        foreach (var p in Parties) if (p.State == cow && IsObligorRole(p.Role)) return true;
        return false;
    }

    /// <summary>
    /// The states an obligor selector names, once each, in party order, without <paramref name="except"/> (the
    /// target), with their role. Named states come in the order named and even when not parties (with the default
    /// role), so that a caller can explain them away; <see cref="Covers"/> tells which are parties.
    /// </summary>
    public void Obligors(Selector s, int? except, List<(int State, PartyRole Role)> into)
    {
        into.Clear();
        switch (s.Kind)
        {
            case SelectorKind.OtherParties:
                foreach (var p in Parties) if (IsObligorRole(p.Role)) Pick(p.State, p.Role);
                break;
            case SelectorKind.AnyMember:
                foreach (var p in Parties) if (IsMemberRole(p.Role)) Pick(p.State, p.Role);
                break;
            case SelectorKind.Role:
                foreach (var p in Parties) if (p.Role == s.Role) Pick(p.State, p.Role);
                break;
            case SelectorKind.States:
                foreach (var x in s.States) Pick(x, RoleOf(x) ?? default);
                break;
        }

        void Pick(int state, PartyRole role)
        {
            if (state == except) return;
            foreach (var x in into) if (x.State == state) return;
            into.Add((state, role));
        }
    }

    /// <summary>
    /// The states a selector protects or benefits in a reading without an event (guarantee network, peace
    /// promises, dataset rows), distinct, in order: <c>target</c> stands for every state the trigger's target
    /// selector protects; named states are taken as named while parties, and always when never a party (a
    /// guaranteed outsider). A named co-member outside its own party dates is not protected: an imported ATOP
    /// non-aggression promise names every co-member of the phase, some of which join later or leave earlier.
    /// </summary>
    public void Protected(Selector s, Selector? triggerTarget, List<int> into)
    {
        into.Clear();
        if (s.Kind == SelectorKind.Target)
        {
            if (triggerTarget is null || triggerTarget.Kind == SelectorKind.Target) return;
            s = triggerTarget;
        }
        switch (s.Kind)
        {
            case SelectorKind.States:
                foreach (var x in s.States) if (IsParty(x) || !_terms.EverParty(x)) Add(x);
                break;
            case SelectorKind.AnyMember:
            case SelectorKind.OtherParties:
            case SelectorKind.Role:
                foreach (var p in Parties) if (Protects(s, p.State) == true) Add(p.State);
                break;
        }

        void Add(int state)
        {
            if (!into.Contains(state)) into.Add(state);
        }
    }

    /// <summary>
    /// A suspension of the obligations between two states on the day (ANZUS: the United States and New Zealand
    /// since 1986), in either direction, held by either state's party entry — an organization party's too.
    /// </summary>
    public Suspension? Suspension(int x, int y)
    {
        foreach (var p in Parties)
        {
            if (p.Party is not { } party || (p.State != x && p.State != y)) continue;
            var other = p.State == x ? y : x;
            foreach (var s in party.Suspensions)
                if (s.Span.Contains(Day) && (s.Counterparts.Count == 0 || s.Counterparts.Contains(other))) return s;
        }
        return null;
    }
}
