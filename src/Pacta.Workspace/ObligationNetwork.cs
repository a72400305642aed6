using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Workspace;

/// <summary>
/// Who guarantees whom on a day: for every agreement in force, each provision whose trigger is an attack on a
/// party, an edge from each obligor to each beneficiary it would owe, with the strongest strength among them.
/// A static reading of the corpus (no event), so conditions on the attacker and the place are not applied; who is
/// bound, whom the selectors mean and which obligations are suspended come from <see cref="BoundParties"/>.
/// </summary>
public static class ObligationNetwork
{
    public static JsonObject Of(Corpus corpus, DateOnly day, ProvisionKind? kind, AgreementOrigin? origin)
    {
        var edges = Edges(corpus, day, kind, origin);
        var nodes = edges.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().OrderBy(c => c);
        return new JsonObject
        {
            ["date"] = day.ToString("yyyy-MM-dd"),
            ["states"] = new JsonArray(nodes.Select(c => (JsonNode)JsonShapes.State(corpus.States, c)).ToArray()),
            ["guarantees"] = new JsonArray(edges.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To).Select(e => (JsonNode)new JsonObject
            {
                ["obligor"] = e.Key.From,
                ["beneficiary"] = e.Key.To,
                ["strength"] = Words.Of(e.Value.Min(x => x.S)),
                ["agreements"] = new JsonArray(e.Value.GroupBy(x => (x.A.Id, x.P.Citation)).Select(g => (JsonNode)new JsonObject
                {
                    ["agreement"] = g.Key.Id,
                    ["provision"] = g.Key.Citation,
                    ["kind"] = Words.Of(g.First().P.Kind),
                    ["strength"] = Words.Of(g.Min(x => x.S)),
                    ["bindingness"] = Words.Of(g.First().A.Bindingness),
                }).ToArray()),
            }).ToArray()),
        };
    }

    /// <summary>The edges obligor → beneficiary, each with the provisions (and their strengths) behind it.</summary>
    public static Dictionary<(int From, int To), List<(Agreement A, Provision P, Strength S)>> Edges(Corpus corpus, DateOnly day, ProvisionKind? kind, AgreementOrigin? origin)
    {
        var edges = new Dictionary<(int From, int To), List<(Agreement A, Provision P, Strength S)>>();
        var bound = corpus.Bound;
        var obligors = new List<(int State, PartyRole Role)>();
        var beneficiaries = new List<int>();
        foreach (var a in corpus.Agreements)
        {
            if (origin is not null && a.Origin != origin) continue;
            var on = bound.On(a, day, Assumptions.None);
            if (!on.InForce) continue;
            foreach (var p in a.Provisions)
            {
                // A provision of kind other promises no help (the UN Charter's Art. 51 is a right, not a duty): no edge.
                if (p.Trigger is null || p.Kind == ProvisionKind.Other || (kind is not null && p.Kind != kind) || !on.ProvisionInForce(p)) continue;
                foreach (var o in p.Obligations)
                {
                    on.Protected(o.Beneficiary, p.Trigger.Target, beneficiaries);
                    on.Obligors(o.Obligor, null, obligors);
                    foreach (var beneficiary in beneficiaries)
                    {
                        foreach (var (obligor, _) in obligors)
                        {
                            if (obligor == beneficiary || !on.Covers(o.Obligor, obligor) || on.Suspension(obligor, beneficiary) is not null) continue;
                            if (!edges.TryGetValue((obligor, beneficiary), out var list)) edges[(obligor, beneficiary)] = list = [];
                            list.Add((a, p, o.Strength));
                        }
                    }
                }
            }
        }
        return edges;
    }
}
