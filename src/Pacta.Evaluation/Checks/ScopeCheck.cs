using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// The place attacked is within the trigger's scope: in an included location or region, in none excluded, and on
/// territory of the target (or of any party) where the scope says so. A place at sea or in the air (a sea/air area,
/// <c>sea-air:ID</c>: the event is an attack on the target's forces, vessels or aircraft there) is in scope only where
/// the scope includes that area or one it lies within; the land items of the scope say nothing about it, nor do the
/// sea/air items about a place on land. A scope that names no sea/air area covers no attack at sea or in the air: the
/// texts that say nothing of forces, vessels or aircraft are not read as covering them.
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
        var atSea = loc.IsSeaAir;
        var include = ItemsFor(scope.Include, atSea);
        if (atSea && include.Count == 0)
        {
            met = false;
            children?.Add(Explanation.Leaf($"location outside scope: the scope names no sea or air area, so an attack on forces, vessels or aircraft at sea or in the air ({where}) is not covered", false, src));
        }
        else if (include.Count > 0)
        {
            string? hit = null;
            foreach (var i in include) if (locations.Matches(loc, i)) { hit = i; break; }
            met &= hit is not null;
            children?.Add(Explanation.Leaf(hit is not null
                ? $"{where} lies in {Describe(locations, hit)}"
                : $"location outside scope: {where} is not in {string.Join(", ", include.Select(i => Describe(locations, i)))}", hit is not null, src));
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
        if (atSea)
        {
            // Whose territory does not arise at sea: the forces, vessels or aircraft attacked are the target's (what a
            // sea/air event states), and the target check decides whether the target is protected.
            children?.Add(Explanation.Leaf($"the forces, vessels or aircraft attacked in {where} are {x.Event.Target.Name}'s", true, src));
        }
        else
        {
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
        }
        if (explain is not null)
        {
            var note = scope.Note is { } n ? $" ({n})" : "";
            explain.Add(new Explanation($"the location {where} is within the scope{note}", met ? CheckResult.Met : CheckResult.NotMet, src, children!));
        }
        return met ? CheckResult.Met : CheckResult.NotMet;
    }

    /// <summary>The include items that speak to the place: the sea/air areas for a place at sea, the land items otherwise.</summary>
    private static IReadOnlyList<string> ItemsFor(IReadOnlyList<string> items, bool atSea)
    {
        var mixed = false;
        foreach (var i in items)
            if (i.StartsWith(Location.SeaAirPrefix, StringComparison.Ordinal) != atSea) { mixed = true; break; }
        if (!mixed) return items; // the common case (a land event, a land-only scope) allocates nothing
        var list = new List<string>(items.Count);
        foreach (var i in items)
            if (i.StartsWith(Location.SeaAirPrefix, StringComparison.Ordinal) == atSea) list.Add(i);
        return list;
    }

    private static string Describe(LocationIndex locations, string item) =>
        item.StartsWith("region:", StringComparison.Ordinal)
            ? (locations.FindRegion(item[7..]) is { } r ? $"{r.Name} ({item})" : item)
            : (locations.Find(item) is { } l ? $"{l.Name} ({l.Code})" : item);
}
