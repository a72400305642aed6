using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// How a cascade begins: the initial attacker(s) attack the initial target(s) on one day. <see cref="Location"/> is
/// where the first target is attacked (null: its own country); further targets are attacked on their own territory.
/// </summary>
public sealed record CascadeStart(IReadOnlyList<State> Attackers, IReadOnlyList<State> Targets, TriggerKind Kind, Location? Location)
{
    public static CascadeStart Of(Event e) => new([e.Attacker], [e.Target], e.Kind, e.Location);

    /// <summary>The round-0 events: every attack of an attacker on a target, then each attacker's war involvement.</summary>
    public IReadOnlyList<int> Events(CascadeGraph g)
    {
        var list = new List<int>();
        foreach (var a in Attackers)
            for (var i = 0; i < Targets.Count; i++)
                list.Add(g.EventId(Kind, g.IndexOf(a.Cow), g.IndexOf(Targets[i].Cow), i == 0 ? Location : null));
        foreach (var a in Attackers)
            list.Add(g.EventId(TriggerKind.WarInvolvement, g.IndexOf(Targets[0].Cow), g.IndexOf(a.Cow)));
        return list.Distinct().ToList();
    }
}
