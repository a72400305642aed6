using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>The event's kind is one the trigger names, or implies one (an armed attack is also war involvement).</summary>
public sealed class EventKindCheck : ClauseCheck
{
    public override string Name => "event kind";
    public override CheckDependency DependsOn => CheckDependency.EventKind;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var e = x.Event;
        var kinds = x.Trigger.Kinds;
        var ok = false;
        foreach (var k in kinds) if (TriggerKinds.Implies(e.Kind, k)) { ok = true; break; }
        if (explain is not null)
        {
            var wanted = string.Join(" or ", kinds.Select(WordCache.Of));
            if (ok) explain.Add(Explanation.Leaf($"the event ({WordCache.Of(e.Kind)}) matches the trigger ({wanted})", true, x.Source));
            else
            {
                var why = kinds.All(k => k == TriggerKind.AggressionWithNuclearWeapons) ? "needs nuclear use: " : "";
                explain.Add(Explanation.Leaf($"{why}the trigger needs {wanted}; the event is {WordCache.Of(e.Kind)}", false, x.Source));
            }
        }
        return ok ? CheckResult.Met : CheckResult.NotMet;
    }
}
