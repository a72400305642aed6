using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Bench.Cascade;

/// <summary>
/// The straightforward implementation the optimised engine is measured against: the same rules (counter-attack,
/// one draw per obligation, fight/support/stay-out) written the obvious way — records, hash sets, LINQ, the
/// what-if evaluator called for each attack, System.Random.
/// </summary>
public sealed class BaselineCascade(Corpus corpus, DateOnly day, bool cacheEvaluations)
{
    private readonly Evaluator _evaluator = new(corpus);
    private readonly Dictionary<(int, int, TriggerKind), IReadOnlyList<TriggeredObligation>> _cache = new();

    private IReadOnlyList<TriggeredObligation> Triggered(TriggerKind kind, State a, State v)
    {
        if (cacheEvaluations && _cache.TryGetValue((a.Cow, v.Cow, kind), out var hit)) return hit;
        var loc = HomeLocation.Of(corpus, v);
        var result = _evaluator.Evaluate(new Event(kind, a, v, day, null, loc), Assumptions.None).Triggered;
        if (cacheEvaluations) _cache[(a.Cow, v.Cow, kind)] = result;
        return result;
    }

    /// <summary>Belligerents (cow → side 1/2) of one run; <paramref name="honour"/> decides each obligation once.</summary>
    public Dictionary<int, int> Run(State attacker, State target, Func<TriggeredObligation, bool> honour)
    {
        var side = new Dictionary<int, int> { [attacker.Cow] = 1, [target.Cow] = 2 };
        var decided = new Dictionary<string, bool>();
        var seenEvents = new HashSet<(int, int, TriggerKind)>();
        var frontier = new List<(TriggerKind Kind, State A, State V)> { (TriggerKind.ArmedAttack, attacker, target), (TriggerKind.WarInvolvement, target, attacker) };
        for (var round = 1; frontier.Count > 0 && round <= 64; round++)
        {
            var candidates = new Dictionary<int, (int Side, State Enemy)>();
            foreach (var (kind, a, v) in frontier)
            {
                if (!seenEvents.Add((a.Cow, v.Cow, kind))) continue;
                foreach (var t in Triggered(kind, a, v))
                {
                    if (!side.TryGetValue(t.Beneficiary.Cow, out var sb)) continue;
                    var key = $"{t.Agreement.Id}|{t.Provision.Id}|{t.Obligation.Position.Line}|{t.Obligor.Cow}|{t.Beneficiary.Cow}";
                    if (decided.ContainsKey(key)) continue;
                    var ok = decided[key] = honour(t);
                    if (!ok || side.ContainsKey(t.Obligor.Cow) || t.Provision.Kind is not (ProvisionKind.Defense or ProvisionKind.Offense)) continue;
                    if (t.Obligation.Strength == Strength.Consultative) continue;
                    if (candidates.TryGetValue(t.Obligor.Cow, out var c)) { if (c.Side != sb) candidates[t.Obligor.Cow] = (3, c.Enemy); }
                    else candidates[t.Obligor.Cow] = (sb, a);
                }
            }
            var next = new List<(TriggerKind, State, State)>();
            foreach (var (cow, (s, enemy)) in candidates.OrderBy(x => x.Key))
            {
                if (s == 3) continue;
                side[cow] = s;
                var joiner = corpus.States.ByCow(cow)!;
                next.Add((TriggerKind.ArmedAttack, joiner, enemy));
                next.Add((TriggerKind.WarInvolvement, enemy, joiner));
            }
            frontier = next;
        }
        return side;
    }
}
