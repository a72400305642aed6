using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>A standing promise of <see cref="Obligor"/> not to use force against <see cref="Beneficiary"/>.</summary>
public sealed record PeaceObligation(Agreement Agreement, Provision Provision, int Obligor, int Beneficiary);

/// <summary>
/// The non-aggression promises in force on a day (with assumed adoptions and members). They are standing promises,
/// not triggered by an event, so they are read from the corpus: obligors and beneficiaries follow the selectors
/// (a beneficiary "target" means the states the provision's trigger protects).
/// </summary>
public static class PeaceObligations
{
    public static IReadOnlyList<PeaceObligation> On(Corpus corpus, DateOnly day, Assumptions assumptions)
    {
        var bound = corpus.Bound;
        var list = new List<PeaceObligation>();
        var obligors = new List<(int State, PartyRole Role)>();
        var beneficiaries = new List<int>();
        foreach (var a in corpus.Agreements)
        {
            if (bound.IsRepresented(a) || !a.Provisions.Any(p => p.Kind == ProvisionKind.NonAggression)) continue;
            var on = bound.On(a, day, assumptions);
            if (!on.InForce) continue;
            foreach (var p in a.Provisions.Where(p => p.Kind == ProvisionKind.NonAggression))
            {
                if (!on.ProvisionInForce(p)) continue;
                foreach (var o in p.Obligations)
                {
                    on.Obligors(o.Obligor, null, obligors);
                    on.Protected(o.Beneficiary, p.Trigger?.Target, beneficiaries);
                    foreach (var (x, _) in obligors)
                    {
                        if (!on.IsParty(x)) continue;
                        foreach (var y in beneficiaries)
                            if (x != y && on.Suspension(x, y) is null) list.Add(new PeaceObligation(a, p, x, y));
                    }
                }
            }
        }
        return list;
    }
}
