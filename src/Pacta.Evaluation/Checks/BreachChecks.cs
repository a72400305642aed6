using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>A standing promise (non-aggression …): the event is of a kind that breaks it.</summary>
public sealed class BreachKindCheck : ClauseCheck
{
    public override string Name => "breaking kind";
    public override CheckDependency DependsOn => CheckDependency.EventKind;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var e = x.Event;
        var p = x.Provision;
        var ok = false;
        foreach (var k in p.BreachedBy) if (TriggerKinds.Implies(e.Kind, k)) { ok = true; break; }
        explain?.Add(Explanation.Leaf(ok
            ? $"an event of kind {WordCache.Of(e.Kind)} breaks this promise ({string.Join(", ", p.BreachedBy.Select(WordCache.Of))})"
            : $"needs {string.Join(" or ", p.BreachedBy.Select(WordCache.Of))}; the event is {WordCache.Of(e.Kind)}", ok, x.Source));
        return ok ? CheckResult.Met : CheckResult.NotMet;
    }
}

/// <summary>A standing promise: the attacker made it and is a party on the day.</summary>
public sealed class ObligorCheck : ClauseCheck
{
    public override string Name => "promisor";
    public override CheckDependency DependsOn => CheckDependency.Attacker | CheckDependency.Date;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var at = x.Event.Attacker;
        var ok = false;
        foreach (var o in x.Provision.Obligations) if (x.At.Covers(o.Obligor, at.Cow)) { ok = true; break; }
        explain?.Add(Explanation.Leaf(ok
            ? $"{at.Name} made this promise and is a party on {x.At.Day:yyyy-MM-dd}"
            : $"{at.Name} did not make this promise (or is not a party on {x.At.Day:yyyy-MM-dd})", ok, x.Source));
        return ok ? CheckResult.Met : CheckResult.NotMet;
    }
}

/// <summary>
/// A standing promise: the attacker's promise is owed to the target, by name or, for a promise every party owes every
/// other (<c>beneficiary: role:member</c>, the UN Charter's Art. 2(4)), as a party with that role on the day.
/// </summary>
public sealed class BeneficiaryCheck : ClauseCheck
{
    public override string Name => "promisee";
    public override CheckDependency DependsOn => CheckDependency.Attacker | CheckDependency.Target | CheckDependency.Date;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var e = x.Event;
        var ok = false;
        foreach (var o in x.Provision.Obligations)
            if (x.At.Covers(o.Obligor, e.Attacker.Cow) && e.Target.Cow != e.Attacker.Cow && OwedTo(x.At, o.Beneficiary, e.Target.Cow)) { ok = true; break; }
        explain?.Add(Explanation.Leaf(ok
            ? $"the promise is owed to {e.Target.Name}{(Role(x.Provision) is { } r ? $", a party with role {WordCache.Of(r)} on {x.At.Day:yyyy-MM-dd}" : "")}"
            : $"the promise is not owed to {e.Target.Name}{(Role(x.Provision) is { } r2 ? $": not a party with role {WordCache.Of(r2)} on {x.At.Day:yyyy-MM-dd}{x.At.NextEntry(e.Target.Cow)}" : "")}", ok, x.Source));
        return ok ? CheckResult.Met : CheckResult.NotMet;
    }

    private static bool OwedTo(AgreementAtEvent at, Selector beneficiary, int target) => beneficiary.Kind switch
    {
        SelectorKind.States => beneficiary.States.Contains(target),
        SelectorKind.Role => beneficiary.Role is { } r && at.HasRole(target, r),
        _ => false,
    };

    private static PartyRole? Role(Provision p)
    {
        foreach (var o in p.Obligations) if (o.Beneficiary.Kind == SelectorKind.Role) return o.Beneficiary.Role;
        return null;
    }
}
