using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Workspace;

/// <summary>
/// The guarantee network of <see cref="ObligationNetwork"/> in the compact form the network view draws: each provision
/// listed once and edges referring to it by index, each state with the organization it is clustered in (the largest
/// it belongs to on the day, a near-universal one such as the UN left out). Both origins together are ~10⁴ edges: as objects naming every provision that is
/// megabytes; as index rows, a few hundred kilobytes.
/// </summary>
public static class ObligationGraph
{
    /// <param name="kind">only provisions of this kind of help</param>
    /// <param name="organization">only edges to or from a member of this organization on the day</param>
    public static JsonObject Of(Corpus corpus, DateOnly day, HelpKind? kind, AgreementOrigin? origin, Organization? organization)
    {
        var edges = ObligationNetwork.Edges(corpus, day, null, origin);
        var members = corpus.Organizations
            .Select(o => (Org: o, States: o.Members.Where(m => m.Span.Contains(day)).Select(m => m.State).ToHashSet()))
            .Where(x => x.States.Count > 0)
            .OrderByDescending(x => x.States.Count).ThenBy(x => x.Org.Id, StringComparer.Ordinal)
            .ToList();
        var only = organization is null ? null : members.FirstOrDefault(m => m.Org.Id == organization.Id).States ?? [];

        var provisions = new List<(Agreement A, Provision P)>();
        var index = new Dictionary<(string, string), int>();
        var rows = new JsonArray();
        var nodes = new SortedSet<int>();
        foreach (var ((from, to), list) in edges.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To))
        {
            if (only is not null && !only.Contains(from) && !only.Contains(to)) continue;
            var kept = list.Where(x => kind is null || Answer.KindOf(x.P.Kind) == kind).ToList();
            if (kept.Count == 0) continue;
            var row = new JsonArray(from, to, (int)kept.Min(x => x.S), (int)kept.Min(x => Answer.KindOf(x.P.Kind)));
            foreach (var (a, p, _) in kept.DistinctBy(x => (x.A.Id, x.P.Id)))
            {
                if (!index.TryGetValue((a.Id, p.Id), out var i))
                {
                    index[(a.Id, p.Id)] = i = provisions.Count;
                    provisions.Add((a, p));
                }
                row.Add(i);
            }
            rows.Add(row);
            nodes.Add(from);
            nodes.Add(to);
        }
        // Clusters are the organizations behind the edges drawn (NATO, the EU, the CSTO …), not every organization a
        // state belongs to: the UN, whose Charter draws no edge, would otherwise hold everyone.
        var drawn = provisions.SelectMany(x => x.A.Parties).Select(p => p.Organization).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var clusters = members.Where(m => drawn.Contains(m.Org.Id)).ToList();
        string? ClusterOf(int cow) => clusters.FirstOrDefault(m => m.States.Contains(cow)).Org?.Id;
        return new JsonObject
        {
            ["date"] = day.ToString("yyyy-MM-dd"),
            ["strengths"] = new JsonArray(Enum.GetValues<Strength>().Select(s => (JsonNode)Words.Of(s)).ToArray()),
            ["kinds"] = new JsonArray(Enum.GetValues<HelpKind>().Select(s => (JsonNode)Words.Of(s)).ToArray()),
            ["organizations"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Org.Id,
                ["name"] = m.Org.Name,
                ["members"] = m.States.Count,
            }).ToArray()),
            ["states"] = new JsonArray(nodes.Select(c =>
            {
                var s = JsonShapes.State(corpus.States, c);
                s["cluster"] = ClusterOf(c);
                return (JsonNode)s;
            }).ToArray()),
            ["provisions"] = new JsonArray(provisions.Select(x => (JsonNode)new JsonObject
            {
                ["agreement"] = x.A.Id,
                ["provision"] = x.P.Citation,
                ["kind"] = Words.Of(Answer.KindOf(x.P.Kind)),
                ["origin"] = Words.Of(x.A.Origin),
                ["bindingness"] = WordCache.Of(x.A.Bindingness),
            }).ToArray()),
            ["edges"] = rows,
        };
    }
}
