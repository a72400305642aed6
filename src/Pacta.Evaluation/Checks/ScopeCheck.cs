using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// The place attacked is within the trigger's scope: in an included location or region, in none excluded, and on
/// territory of the target (or of any party) where the scope says so.
/// </summary>
public sealed class ScopeCheck : ClauseCheck
{
    public override string Name => "scope";
    public override CheckDependency DependsOn => CheckDependency.Location | CheckDependency.Target | CheckDependency.Date;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var ctx = x.At;
        var scene = ctx.Scene;
        var scope = x.Trigger.Scope;
        var loc = x.Event.Location;
        var locations = scene.Corpus.Locations;
        var src = x.Source;
        var children = explain is null ? null : new List<Explanation>();
        var met = true;
        var where = explain is null ? "" : $"{loc.Name} ({loc.Code})";
        if (scope.Include.Count > 0)
        {
            string? hit = null;
            foreach (var i in scope.Include) if (locations.Matches(loc, i)) { hit = i; break; }
            met &= hit is not null;
            children?.Add(Explanation.Leaf(hit is not null
                ? $"{where} lies in {Describe(locations, hit)}"
                : $"location outside scope: {where} is not in {string.Join(", ", scope.Include.Select(i => Describe(locations, i)))}", hit is not null, src));
        }
        if (scope.Exclude.Count > 0)
        {
            string? excluded = null;
            foreach (var i in scope.Exclude) if (locations.Matches(loc, i)) { excluded = i; break; }
            met &= excluded is null;
            children?.Add(Explanation.Leaf(excluded is null
                ? $"{where} is not excluded ({string.Join(", ", scope.Exclude.Select(i => Describe(locations, i)))})"
                : $"location outside scope: {where} is excluded ({Describe(locations, excluded)})", excluded is null, src));
        }
        var sovereign = scene.Sovereign;
        switch (scope.Territory)
        {
            case Territory.Target:
                var own = sovereign?.Cow == x.Event.Target.Cow;
                met &= own;
                children?.Add(Explanation.Leaf(own
                    ? $"{where} is territory of {x.Event.Target.Name}"
                    : $"location outside scope: {where} is not territory of {x.Event.Target.Name}{(sovereign is null ? "" : $" (it belongs to {sovereign.Name})")}", own, src));
                break;
            case Territory.AnyParty:
                var historical = scene.Historical;
                var party = false;
                if (historical is { Count: > 0 })
                {
                    foreach (var h in historical) if (ctx.IsParty(h)) { party = true; break; }
                }
                else party = sovereign is not null && ctx.IsParty(sovereign.Cow);
                met &= party;
                children?.Add(Explanation.Leaf(party
                    ? $"{where} is territory of a party ({sovereign?.Name})"
                    : $"location outside scope: {where} is not territory of a party", party, src));
                break;
        }
        if (explain is not null)
        {
            var note = scope.Note is { } n ? $" ({n})" : "";
            explain.Add(new Explanation($"the location {where} is within the scope{note}", met ? CheckResult.Met : CheckResult.NotMet, src, children!));
        }
        return met ? CheckResult.Met : CheckResult.NotMet;
    }

    private static string Describe(LocationIndex locations, string item) =>
        item.StartsWith("region:", StringComparison.Ordinal)
            ? (locations.FindRegion(item[7..]) is { } r ? $"{r.Name} ({item})" : item)
            : (locations.Find(item) is { } l ? $"{l.Name} ({l.Code})" : item);
}
