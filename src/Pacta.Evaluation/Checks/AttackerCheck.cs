using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>The trigger covers the attacker: anyone, a non-party (on the day, assumed members included), or a state it names.</summary>
public sealed class AttackerCheck : ClauseCheck
{
    public override string Name => "attacker";
    public override CheckDependency DependsOn => CheckDependency.Attacker | CheckDependency.Date;

    public override IReadOnlyList<int> NamedAttackers(Provision p) =>
        p.Trigger?.Attacker is { Kind: SelectorKind.States } s ? s.States : [];

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var a = x.At;
        var s = x.Trigger.Attacker;
        var at = x.Event.Attacker;
        if (a.Admits(s, at.Cow) is not { } ok)
        {
            explain?.Add(Explanation.Leaf($"attacker selector {WordCache.Of(s.Kind)}", CheckResult.Unknown, x.Source));
            return CheckResult.Unknown;
        }
        explain?.Add(Explanation.Leaf(s.Kind switch
        {
            SelectorKind.Anyone => $"an attack by anyone counts ({at.Name})",
            SelectorKind.NonParty => ok
                ? $"{at.Name} is not a party, as the trigger requires"
                : $"wrong attacker: {at.Name} is itself a party; the trigger covers attacks by non-parties",
            _ => ok
                ? $"{at.Name} is the attacker the trigger names"
                : $"wrong attacker: the trigger names {string.Join(", ", s.States.Select(a.Scene.Name))}, not {at.Name}",
        }, ok, x.Source));
        return ok ? CheckResult.Met : CheckResult.NotMet;
    }
}
