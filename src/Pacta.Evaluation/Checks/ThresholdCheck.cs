using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// The attack reaches the trigger's threshold ("significant, deliberate and sustained"): every attribute the threshold
/// names is stated true for the event. One stated false rules the clause out; one not stated leaves it unknown, and the
/// words name the <c>--event-attribute</c> values that would decide it. Does not apply without a threshold.
/// </summary>
public sealed class ThresholdCheck : ClauseCheck
{
    public override string Name => "threshold";
    public override CheckDependency DependsOn => CheckDependency.EventAttributes;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        if (x.Trigger.Threshold is not { } t) return null;
        var attributes = x.Event.Attributes;
        var result = CheckResult.Met;
        foreach (var name in t.Attributes)
        {
            var v = attributes[name];
            if (v == false) { result = CheckResult.NotMet; break; }
            if (v is null) result = CheckResult.Unknown;
        }
        if (explain is not null)
        {
            var needs = t.Quote is { } q ? $"\"{q}\" ({string.Join(", ", t.Attributes)})" : string.Join(", ", t.Attributes);
            var src = x.Source is null ? null : ExplanationSource.Of(x.At.Agreement, x.Provision, t.Position);
            explain.Add(Explanation.Leaf(result switch
            {
                CheckResult.Met => $"the attack reaches the threshold {needs}: each is stated",
                CheckResult.NotMet => $"below the threshold {needs}: the attack is stated not {string.Join(", not ", t.Attributes.Where(a => attributes[a] == false))}",
                _ => $"threshold undecided: the clause needs {needs}; unknown whether the attack is {string.Join(", ", Unknown(t, attributes))} " +
                     $"(decide with {string.Join(" ", Unknown(t, attributes).Select(a => $"--event-attribute {a}=yes|no"))})",
            }, result, src));
        }
        return result;
    }

    private static IEnumerable<string> Unknown(AttackThreshold t, EventAttributes attributes) => t.Attributes.Where(a => attributes[a] is null);
}
