using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Evaluation.Validation;

/// <summary>A candidate's features towards the attacker's side and towards the target's side (docs/validation.md).</summary>
public sealed record JoinSituation(State State, double[] Attacker, double[] Target)
{
    public double[] Toward(CascadeSide side) => side == CascadeSide.Attacker ? Attacker : Target;
}

/// <summary>
/// The features of the joining model (docs/validation.md, "Features"): a candidate's promises invoked by the first
/// attack (the obligations of the cascade's round-0 events: the attacks on the targets and the attackers' war
/// involvement), contiguity, major-power status and era. The same code serves the validation and
/// <see cref="FittedJoinModel"/>.
/// </summary>
public static class JoinFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "intercept", "target_side", "defence_to", "offence_to", "peace_to", "consult_to", "automatic_to", "fight_to_other",
        "bilateral_to", "log_size_to", "contiguous_to", "contiguous_other", "major", "log_system", "post1945",
    ];

    public static int Count => Names.Count;

    /// <summary>
    /// The situation of every system member on the graph's day that is not an initial belligerent, in registry order.
    /// <paramref name="major"/> says whether a state (COW code) is a major power on the day. With
    /// <paramref name="systemMembersOnly"/> false every state of the registry but the initial belligerents is described.
    /// </summary>
    public static IReadOnlyList<JoinSituation> Of(CascadeGraph g, CascadeStart start, Contiguity contiguity, Func<int, bool> major, bool systemMembersOnly = true)
    {
        var day = g.Day;
        var attackers = start.Attackers.Select(s => s.Cow).ToHashSet();
        var targets = start.Targets.Select(s => s.Cow).ToHashSet();
        var members = g.States.Where(s => s.IsSystemMemberOn(day)).ToList();
        var logSystem = Math.Log2(Math.Max(1, members.Count));
        var partyCount = new Dictionary<string, int>(StringComparer.Ordinal);
        int Parties(Agreement a)
        {
            if (!partyCount.TryGetValue(a.Id, out var n))
                partyCount[a.Id] = n = g.Source.Corpus.PartiesOn(a, day).Select(p => p.State).Distinct().Count();
            return n;
        }
        var promises = new Dictionary<int, List<CascadeObligation>>();
        foreach (var ev in start.Events(g))
            foreach (var c in g.Edges(ev))
            {
                var k = g.Obligation(c);
                if (!promises.TryGetValue(k.Obligor.Cow, out var list)) promises[k.Obligor.Cow] = list = [];
                if (!list.Exists(x => x.Id == k.Id)) list.Add(k);
            }
        var result = new List<JoinSituation>();
        foreach (var s in systemMembersOnly ? members : g.States)
        {
            if (attackers.Contains(s.Cow) || targets.Contains(s.Cow)) continue;
            var mine = promises.GetValueOrDefault(s.Cow) ?? [];
            var toA = mine.Where(k => attackers.Contains(k.Beneficiary.Cow)).ToList();
            var toT = mine.Where(k => targets.Contains(k.Beneficiary.Cow)).ToList();
            var nearA = attackers.Any(a => contiguity.Near(s.Cow, a, day));
            var nearT = targets.Any(t => contiguity.Near(s.Cow, t, day));
            var isMajor = major(s.Cow);
            result.Add(new JoinSituation(s,
                Vector(false, toA, toT, nearA, nearT, isMajor, logSystem, day, Parties),
                Vector(true, toT, toA, nearT, nearA, isMajor, logSystem, day, Parties)));
        }
        return result;
    }

    private static double[] Vector(bool targetSide, List<CascadeObligation> to, List<CascadeObligation> other, bool near, bool nearOther,
        bool major, double logSystem, DateOnly day, Func<Agreement, int> parties)
    {
        static double B(bool b) => b ? 1 : 0;
        var smallest = to.Count == 0 ? 0 : to.Min(k => parties(k.Agreement));
        return
        [
            1,
            B(targetSide),
            B(to.Any(k => k.Kind == ProvisionKind.Defense)),
            B(to.Any(k => k.Kind == ProvisionKind.Offense)),
            B(to.Any(k => k.Effect == CascadeEffect.StayOut)),
            // consult_to: any promise short of fighting or staying out (support or consultation), as fitted.
            B(to.Any(k => k.Effect is CascadeEffect.Support or CascadeEffect.Consult)),
            B(to.Any(k => k.Effect == CascadeEffect.Fight && k.Strength == Strength.Automatic)),
            B(other.Any(k => k.Effect == CascadeEffect.Fight)),
            B(to.Count > 0 && smallest <= 2),
            smallest > 0 ? Math.Log2(smallest) : 0,
            B(near),
            B(nearOther),
            B(major),
            logSystem,
            B(day.Year >= 1945),
        ];
    }
}
