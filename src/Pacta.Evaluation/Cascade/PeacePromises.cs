using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>A standing promise of <see cref="Obligor"/> not to use force against <see cref="Beneficiary"/>.</summary>
public sealed record PeacePromise(Agreement Agreement, Provision Provision, int Obligor, int Beneficiary);

/// <summary>
/// The non-aggression promises in force on a day (with assumed adoptions and members). They are standing promises,
/// not triggered by an event, so they are read from the corpus: obligors and beneficiaries follow the selectors
/// (a beneficiary "target" means the states the provision's trigger protects).
/// </summary>
public static class PeacePromises
{
    public static IReadOnlyList<PeacePromise> On(Corpus corpus, DateOnly day, Assumptions assumptions)
    {
        var represented = Represented(corpus);
        var list = new List<PeacePromise>();
        foreach (var a in corpus.Agreements)
        {
            if (represented.Contains(a.Id) || !a.Provisions.Any(p => p.Kind == ProvisionKind.NonAggression)) continue;
            if (!InForce(a, day, assumptions)) continue;
            var parties = corpus.PartiesOn(a, day).Select(p => (p.State, p.Role)).ToList();
            foreach (var m in assumptions.Members)
            {
                var applies = m.AgreementOrOrganization == a.Id || a.Parties.Any(p => p.Organization == m.AgreementOrOrganization);
                if (applies && (m.From is null || m.From <= day) && !parties.Any(p => p.State == m.State)) parties.Add((m.State, PartyRole.Member));
            }
            var members = parties.Select(p => p.State).Distinct().ToList();
            foreach (var p in a.Provisions.Where(p => p.Kind == ProvisionKind.NonAggression))
            {
                foreach (var o in p.Obligations)
                {
                    var obligors = Resolve(o.Obligor, parties).Where(members.Contains);
                    var beneficiaries = o.Beneficiary.Kind == "target" && p.Trigger is { } t ? Resolve(t.Target, parties) : Resolve(o.Beneficiary, parties);
                    foreach (var x in obligors.Distinct())
                        foreach (var y in beneficiaries.Distinct())
                            if (x != y && !Suspended(a, day, x, y)) list.Add(new PeacePromise(a, p, x, y));
                }
            }
        }
        return list;
    }

    /// <summary>
    /// The imported ATOP alliances that a hand-encoded agreement declares itself the same as: evaluated once, through
    /// the hand-encoded file. Only an ATOP alliance can be represented, so a same-as naming a hand-encoded agreement
    /// (which <c>pacta check</c> refuses) never hides it from the cascade while what-if keeps it.
    /// </summary>
    internal static HashSet<string> Represented(Corpus corpus) =>
        corpus.Agreements.Where(a => a.Origin != "atop")
            .SelectMany(a => a.Related.Where(r => r.Relation == "same-as" && r.Agreement != a.Id).Select(r => r.Agreement))
            .Where(id => corpus.Agreement(id)?.Origin == "atop")
            .ToHashSet(StringComparer.Ordinal);

    internal static bool InForce(Agreement a, DateOnly day, Assumptions assumptions)
    {
        if (a.InForceOn(day)) return true;
        var ad = assumptions.Adopted.FirstOrDefault(x => x.Agreement == a.Id);
        if (ad is null) return false;
        var from = ad.From ?? a.Dates.Signed;
        return from is null || from <= day;
    }

    private static IEnumerable<int> Resolve(Selector s, List<(int State, PartyRole Role)> parties) => s.Kind switch
    {
        "states" => s.States,
        "role" => parties.Where(p => p.Role == s.Role).Select(p => p.State),
        "any-member" or "other-parties" => parties.Where(p => p.Role is PartyRole.Member or PartyRole.Guarantor or PartyRole.Beneficiary).Select(p => p.State),
        _ => [],
    };

    private static bool Suspended(Agreement a, DateOnly day, int x, int y) =>
        a.Parties.Any(p => (p.State == x || p.State == y) && p.Span.Contains(day)
            && p.Suspensions.Any(s => s.Span.Contains(day) && (s.Counterparts.Count == 0 || s.Counterparts.Contains(p.State == x ? y : x))));
}
