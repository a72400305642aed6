using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// The conditions on a triggered obligation (the provision's, then the obligation's): constitutional processes,
/// Security Council action … The data cannot decide them, so each is unknown, and an unknown check does not stop
/// an obligation from being owed; it is listed so the reader sees what it hangs on. Does not apply without conditions.
/// </summary>
public sealed class ConditionsCheck : ClauseCheck
{
    public override string Name => "conditions";
    public override CheckDependency DependsOn => CheckDependency.None;

    /// <summary>The conditions of an obligation under a provision, the provision's first.</summary>
    public static IReadOnlyList<Condition> Of(Provision p, Obligation o) =>
        p.Conditions.Count == 0 ? o.Conditions : o.Conditions.Count == 0 ? p.Conditions : [.. p.Conditions, .. o.Conditions];

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        if (x.Obligation is not { } o || x.Provision.Conditions.Count + o.Conditions.Count == 0) return null;
        if (explain is not null)
        {
            var name = x.At.Scene.Name;
            foreach (var c in Of(x.Provision, o))
                explain.Add(Explanation.Leaf(
                    $"condition ({WordCache.Of(c.Kind)}): {c.Text}{(c.States.Count > 0 ? $" [concerns {string.Join(", ", c.States.Select(name))}]" : "")}",
                    CheckResult.Unknown, x.Source));
        }
        return CheckResult.Unknown;
    }
}
