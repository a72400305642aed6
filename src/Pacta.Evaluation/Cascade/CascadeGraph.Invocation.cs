using System.Runtime.CompilerServices;
using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>A triggered promise to fight that an event did not invoke, or invoked only on a condition nothing decides.</summary>
public readonly record struct Withheld(int Obligation, InvocationDecision Decision);

public sealed partial class CascadeGraph
{
    private static readonly Withheld[] NoneWithheld = [];
    private readonly Dictionary<(int[] Edges, int Attacker, string Location), (int[] Kept, Withheld[] Withheld)> _invoked = new(new EdgesKey());
    private readonly Dictionary<int, Withheld[]> _withheld = new();
    private readonly Dictionary<int, int> _supportVariant = new();

    /// <summary>The promises to fight an evaluated event triggered but did not invoke (or invoked only conditionally).</summary>
    public IReadOnlyList<Withheld> WithheldAt(int eventId) => _withheld.GetValueOrDefault(eventId) ?? NoneWithheld;

    /// <summary>
    /// The obligations an event invokes, out of those it triggers: promises not invoked are left out; conditional
    /// ones are left out (reported), kept, or replaced by a support-only twin, as <see cref="CascadeOptions.Conditional"/>
    /// says. Events share their victim's arrays (attack tables), so the answer is kept per array, attacker and place.
    /// </summary>
    private int[] Invoke(int eventId, int[] triggered)
    {
        var e = _events[eventId];
        var key = (triggered, e.Attacker, e.Location.Code);
        if (!_invoked.TryGetValue(key, out var done))
        {
            List<int>? kept = null;
            List<Withheld>? withheld = null;
            for (var i = 0; i < triggered.Length; i++)
            {
                var c = triggered[i];
                var d = Source.Invocation.Decide(_obligations[c], States[e.Attacker], e.Location);
                var keep = d.Verdict switch
                {
                    InvocationVerdict.Invoked => c,
                    InvocationVerdict.Conditional when Options.Conditional == ConditionalObligations.Propagate => c,
                    InvocationVerdict.Conditional when Options.Conditional == ConditionalObligations.Support => SupportVariant(c),
                    _ => -1,
                };
                if (d.Verdict != InvocationVerdict.Invoked) (withheld ??= []).Add(new Withheld(c, d));
                if (keep == c && kept is null) continue;
                kept ??= [.. triggered.AsSpan(0, i)];
                if (keep >= 0) kept.Add(keep);
            }
            done = (kept is null ? triggered : kept.ToArray(), withheld?.ToArray() ?? NoneWithheld);
            _invoked[key] = done;
        }
        if (done.Withheld.Length > 0) _withheld[eventId] = done.Withheld;
        return done.Kept;
    }

    /// <summary>A support-only twin of a conditional promise to fight (its own id, so the kernels need no new case).</summary>
    private int SupportVariant(int c)
    {
        if (_obligations[c].Effect != CascadeEffect.Fight) return c;
        if (_supportVariant.TryGetValue(c, out var v)) return v;
        var k = _obligations[c];
        v = Add(k with { Id = _obligations.Count, Effect = CascadeEffect.Support, Conditional = true });
        _supportVariant[c] = v;
        return v;
    }

    private sealed class EdgesKey : IEqualityComparer<(int[] Edges, int Attacker, string Location)>
    {
        public bool Equals((int[] Edges, int Attacker, string Location) x, (int[] Edges, int Attacker, string Location) y) =>
            ReferenceEquals(x.Edges, y.Edges) && x.Attacker == y.Attacker && string.Equals(x.Location, y.Location, StringComparison.Ordinal);

        public int GetHashCode((int[] Edges, int Attacker, string Location) k) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(k.Edges), k.Attacker, StringComparer.Ordinal.GetHashCode(k.Location));
    }
}
