using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary>
/// Who guarantees whom on a day: for every agreement in force, each provision whose trigger is an attack on a
/// party, an edge from each obligor to each beneficiary it would owe, with the strongest strength among them.
/// A static reading of the corpus (no event), so conditions on the attacker and the place are not applied.
/// </summary>
public static class GuaranteeNetwork
{
    public static JsonObject Of(Corpus corpus, DateOnly day, ProvisionKind? kind, string? origin)
    {
        var edges = new Dictionary<(int From, int To), List<(Agreement A, Provision P, Strength S)>>();
        foreach (var a in corpus.Agreements)
        {
            if (!a.InForceOn(day) || (origin is not null && a.Origin != origin)) continue;
            var parties = corpus.PartiesOn(a, day).GroupBy(p => p.State).ToDictionary(g => g.Key, g => g.First().Role);
            foreach (var p in a.Provisions)
            {
                if (p.Trigger is null || (kind is not null && p.Kind != kind)) continue;
                foreach (var o in p.Obligations)
                {
                    foreach (var beneficiary in Beneficiaries(o.Beneficiary, p.Trigger.Target, parties))
                    {
                        foreach (var obligor in Obligors(o.Obligor, parties))
                        {
                            if (obligor == beneficiary) continue;
                            if (!edges.TryGetValue((obligor, beneficiary), out var list)) edges[(obligor, beneficiary)] = list = [];
                            list.Add((a, p, o.Strength));
                        }
                    }
                }
            }
        }
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

    private static bool IsObligorRole(PartyRole r) => r is PartyRole.Member or PartyRole.Guarantor;

    private static IEnumerable<int> Obligors(Selector s, Dictionary<int, PartyRole> parties) => s.Kind switch
    {
        "other-parties" or "any-member" => parties.Where(p => IsObligorRole(p.Value)).Select(p => p.Key),
        "role" => parties.Where(p => p.Value == s.Role).Select(p => p.Key),
        "states" => s.States.Where(parties.ContainsKey),
        _ => [],
    };

    /// <summary>"The attacked party" stands for every party the trigger's target selector covers.</summary>
    private static IEnumerable<int> Beneficiaries(Selector beneficiary, Selector target, Dictionary<int, PartyRole> parties) => beneficiary.Kind switch
    {
        "target" => target.Kind switch
        {
            "states" => target.States,
            "role" => parties.Where(p => p.Value == target.Role).Select(p => p.Key),
            "any-member" or "other-parties" or "target" => parties.Keys,
            _ => [],
        },
        "states" => beneficiary.States,
        "role" => parties.Where(p => p.Value == beneficiary.Role).Select(p => p.Key),
        _ => [],
    };
}
