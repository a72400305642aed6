using System.Globalization;
using System.Security;
using System.Text;
using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Contracts;

/// <summary>
/// A cascade as a graph: one node per state involved (role, side, round) and two kinds of edges — "obligation"
/// (obligor → beneficiary, citing agreement and provision, the step that drew the obligor in) and "attack"
/// (aggressor → victim, for the initial attack and every attack that drew someone in).
/// </summary>
public static class CascadeGraphFormats
{
    public sealed record Edge(int From, int To, string Type, int Round, string Label, string? Agreement, string? Provision);

    public static IReadOnlyList<Edge> Edges(CascadeResult r)
    {
        var edges = new List<Edge>();
        foreach (var a in r.Start.Attackers)
            foreach (var t in r.Start.Targets)
                edges.Add(new Edge(a.Cow, t.Cow, "attack", 0, "initial attack", null, null));
        foreach (var s in r.States)
        {
            if (s.Path.Count == 0) continue;
            var last = s.Path[^1];
            var c = last.Obligation;
            edges.Add(new Edge(last.Attacker.Cow, last.Target.Cow, last.EventKind == TriggerKind.WarInvolvement ? "war" : "attack", last.Round - 1,
                last.EventKind == TriggerKind.WarInvolvement ? "at war" : "attack", null, null));
            edges.Add(new Edge(c.Obligor.Cow, c.Beneficiary.Cow, "obligation", last.Round,
                $"{c.Agreement.Id} {c.Provision.Citation} ({Words.Of(c.Kind)})", c.Agreement.Id, c.Provision.Citation));
        }
        return edges.Distinct().ToList();
    }

    public static string GraphMl(CascadeResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        sb.AppendLine("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">");
        foreach (var (id, on, type) in new[]
        {
            ("code", "node", "string"), ("name", "node", "string"), ("role", "node", "string"), ("side", "node", "string"), ("round", "node", "int"),
            ("type", "edge", "string"), ("label", "edge", "string"), ("agreement", "edge", "string"), ("provision", "edge", "string"), ("eround", "edge", "int"),
        })
            sb.AppendLine($"  <key id=\"{id}\" for=\"{on}\" attr.name=\"{(id == "eround" ? "round" : id)}\" attr.type=\"{type}\"/>");
        sb.AppendLine($"  <graph id=\"cascade\" edgedefault=\"directed\">");
        foreach (var s in r.States)
        {
            sb.AppendLine($"    <node id=\"s{s.State.Cow}\">");
            Data(sb, "code", s.State.Code);
            Data(sb, "name", s.State.Name);
            Data(sb, "role", Words.Of(s.Role));
            Data(sb, "side", CascadeJson.Side(s.Side) ?? "");
            Data(sb, "round", s.Round.ToString(CultureInfo.InvariantCulture));
            sb.AppendLine("    </node>");
        }
        var i = 0;
        foreach (var e in Edges(r))
        {
            sb.AppendLine($"    <edge id=\"e{i++}\" source=\"s{e.From}\" target=\"s{e.To}\">");
            Data(sb, "type", e.Type);
            Data(sb, "label", e.Label);
            if (e.Agreement is not null) Data(sb, "agreement", e.Agreement);
            if (e.Provision is not null) Data(sb, "provision", e.Provision);
            Data(sb, "eround", e.Round.ToString(CultureInfo.InvariantCulture));
            sb.AppendLine("    </edge>");
        }
        sb.AppendLine("  </graph>");
        sb.AppendLine("</graphml>");
        return sb.ToString();
    }

    private static void Data(StringBuilder sb, string key, string value) =>
        sb.AppendLine($"      <data key=\"{key}\">{SecurityElement.Escape(value)}</data>");

    public static string Dot(CascadeResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("digraph cascade {");
        sb.AppendLine("  rankdir=LR;");
        sb.AppendLine("  node [shape=box, style=filled, fontname=\"Helvetica\"];");
        foreach (var s in r.States)
        {
            var colour = s.Role switch
            {
                CascadeRole.Belligerent => s.Side == CascadeSide.Attacker ? "#f4a6a6" : "#a6c8f4",
                CascadeRole.Supporter => s.Side == CascadeSide.Attacker ? "#fbe3e3" : "#e3eefb",
                _ => "#dddddd",
            };
            sb.AppendLine($"  s{s.State.Cow} [label=\"{Esc(s.State.Code)}\\n{Words.Of(s.Role)} r{s.Round}\", fillcolor=\"{colour}\"];");
        }
        foreach (var e in Edges(r))
        {
            var style = e.Type == "obligation" ? "solid" : e.Type == "war" ? "dotted" : "bold";
            var colour = e.Type == "obligation" ? "#333333" : "#c0392b";
            sb.AppendLine($"  s{e.From} -> s{e.To} [label=\"{Esc(e.Label)}\", style={style}, color=\"{colour}\"];");
        }
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Esc(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
