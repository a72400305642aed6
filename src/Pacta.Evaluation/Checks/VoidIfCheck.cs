using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// None of the trigger's void-if facts holds ("void if Ukraine invades Russia"): each is read from the event attribute
/// it names. One stated true voids the clause; all stated false keep it; one not stated leaves it unknown, and the words
/// name the <c>--event-attribute</c> value that would decide it. Does not apply without void-if conditions.
/// </summary>
public sealed class VoidIfCheck : ClauseCheck
{
    public override string Name => "void if";
    public override CheckDependency DependsOn => CheckDependency.EventAttributes;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var conditions = x.Trigger.VoidIf;
        if (conditions.Count == 0) return null;
        var attributes = x.Event.Attributes;
        var result = CheckResult.Met;
        foreach (var c in conditions)
        {
            var v = attributes[c.Attribute];
            if (v == true) { result = CheckResult.NotMet; break; }
            if (v is null) result = CheckResult.Unknown;
        }
        if (explain is not null)
        {
            foreach (var c in conditions)
            {
                var v = attributes[c.Attribute];
                var src = x.Source is null ? null : ExplanationSource.Of(x.At.Agreement, x.Provision, c.Position);
                explain.Add(Explanation.Leaf(v switch
                {
                    true => $"void: {c.Text} (the event states {c.Attribute}=yes)",
                    false => $"not void: the clause is void if {c.Text}; the event states {c.Attribute}=no",
                    null => $"void-if undecided: the clause is void if {c.Text}; unknown for this event (decide with --event-attribute {c.Attribute}=yes|no)",
                }, v switch { true => CheckResult.NotMet, false => CheckResult.Met, null => CheckResult.Unknown }, src));
                if (v == true) break;
            }
        }
        return result;
    }
}
