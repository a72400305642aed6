using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>The trigger protects the target: a party (in the roles its selector covers) on the day, or a state it names.</summary>
public sealed class TargetCheck : ClauseCheck
{
    public override string Name => "target";
    public override CheckDependency DependsOn => CheckDependency.Target | CheckDependency.Date;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var a = x.At;
        var s = x.Trigger.Target;
        var t = x.Event.Target;
        if (a.Protects(s, t.Cow) is not { } ok)
        {
            explain?.Add(Explanation.Leaf($"target selector {WordCache.Of(s.Kind)}", CheckResult.Unknown, x.Source));
            return CheckResult.Unknown;
        }
        explain?.Add(Explanation.Leaf(s.Kind switch
        {
            SelectorKind.States => ok
                ? $"{t.Name} is the state the trigger protects"
                : $"wrong target: the trigger protects {string.Join(", ", s.States.Select(a.Scene.Name))}, not {t.Name}",
            SelectorKind.Role => ok
                ? $"{t.Name} is a party with role {WordCache.Of(s.Role!.Value)} on {a.Day:yyyy-MM-dd}"
                : $"target not a member on that date: {t.Name} is not a party with role {WordCache.Of(s.Role!.Value)} on {a.Day:yyyy-MM-dd}",
            _ => ok
                ? $"{t.Name} is a party on {a.Day:yyyy-MM-dd}{a.AssumedNote(t.Cow)}"
                : a.IsParty(t.Cow)
                    ? $"target not a member on that date: {t.Name} is a party on {a.Day:yyyy-MM-dd} only as {WordCache.Of(a.RoleOf(t.Cow)!.Value)}, which {WordCache.Of(s.Kind)} does not cover"
                    : $"target not a member on that date: {t.Name} is not a party on {a.Day:yyyy-MM-dd}{a.NextEntry(t.Cow)}",
        }, ok, x.Source));
        return ok ? CheckResult.Met : CheckResult.NotMet;
    }
}
