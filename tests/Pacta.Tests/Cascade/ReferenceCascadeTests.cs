using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The scalar and the lane kernels against the plain reference cascade, trial by trial, on the same decision outcomes:
/// fixed ones (everything honoured, nothing honoured, random per decision) and those the Monte Carlo's own generator
/// draws, on real scenarios and hand-built graphs, for both join models.
/// </summary>
public sealed class ReferenceCascadeTests
{
    private static readonly HonourModel Bf2018 = HonourModel.Of(HonourPresets.Bf2018);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in new[]
        {
            "est-2025", "est-2025-peace-prevails-protects-aggressor", "est-2025-no-joiner-attacks-conditional-support",
            "auh-srb-1914", "auh-srb-1914-peace-prevails-3-rounds", "tangle", "tangle-peace-prevails-protects-aggressor",
        })
        {
            foreach (var join in new[] { "per-obligation", "per-state" })
                data.Add(scenario, join);
            // The fitted model on the real scenarios (its features need the states' contiguity and the shipped coefficients).
            if (!scenario.StartsWith("tangle", StringComparison.Ordinal)) data.Add(scenario, "fitted");
        }
        return data;
    }

    private static (CascadeGraph Graph, CascadeStart Start) Scenario(string name)
    {
        var peace = new CascadeOptions { Clashes = ObligationClash.PeacePrevails, PeaceProtectsAggressor = true };
        if (name.StartsWith("tangle", StringComparison.Ordinal)) return SmallGraphs.Tangle(name == "tangle" ? CascadeOptions.Default : peace);
        var corpus = CascadeCorpus.Corpus;
        var s = corpus.States;
        var (attacker, target, day, location, options) = name switch
        {
            "est-2025" => (365, 366, "2025-06-01", "EE", CascadeOptions.Default),
            "est-2025-peace-prevails-protects-aggressor" => (365, 366, "2025-06-01", "EE", peace),
            "est-2025-no-joiner-attacks-conditional-support" => (365, 366, "2025-06-01", "EE",
                new CascadeOptions { JoinerAttacks = JoinerAttacks.None, Conditional = ConditionalObligations.Support }),
            "auh-srb-1914" => (300, 345, "1914-07-28", null, CascadeOptions.Default),
            "auh-srb-1914-peace-prevails-3-rounds" => (300, 345, "1914-07-28", null,
                new CascadeOptions { Clashes = ObligationClash.PeacePrevails, MaxRounds = 3 }),
            _ => throw new ArgumentException(name),
        };
        var g = new CascadeGraph(new CascadeSource(corpus, DateOnly.Parse(day), Assumptions.None), options);
        var start = new CascadeStart([s.ByCow(attacker)!], [s.ByCow(target)!], TriggerKind.ArmedAttack,
            location is null ? null : corpus.Locations.Find(location)!);
        g.Close(start);
        return (g, start);
    }

    private static DecisionUnits Units(CascadeGraph g, CascadeStart start, string join) =>
        (Words.TryParse<JoinModel>(join, out var m) ? m : throw new ArgumentException(join)) switch
        {
            // One draw per state and side with the fitted probabilities of data/join-model/coefficients.json.
            JoinModel.Fitted => Pacta.Workspace.CascadeData.FittedJoinModel(start).Assign(g, Bf2018),
            var model => JoinModels.Of(model).Assign(g, Bf2018),
        };

    /// <summary>The scalar kernel's view of one lane: decision d's outcome is bit <paramref name="lane"/> of its mask.</summary>
    private readonly struct LaneOf(ulong[] masks, int words, int lane) : IHonour
    {
        public bool Honoured(int decision) => ((masks[decision * words + (lane >> 6)] >> (lane & 63)) & 1) != 0;
    }

    /// <summary>Masks by decision of the units; the lane kernel asks by lane decision id.</summary>
    private readonly struct Fixed(ulong[] masks, LaneDecisions decisions) : ILaneHonour
    {
        public T Mask<T>(int decision) where T : struct, ILanes<T> =>
            T.FromWords(masks.AsSpan(decisions.UnitDecision(decision) * T.Words, T.Words));
    }

    /// <summary>The Monte Carlo's draws, written down by decision of the units as the lane kernel makes them.</summary>
    private struct Recorded(BernoulliLanes inner, LaneDecisions decisions, ulong[] masks, bool[] drawn) : ILaneHonour
    {
        private BernoulliLanes _inner = inner;

        public T Mask<T>(int decision) where T : struct, ILanes<T>
        {
            var m = _inner.Mask<T>(decision);
            var d = decisions.UnitDecision(decision);
            drawn[d] = true;
            for (var w = 0; w < T.Words; w++) masks[d * T.Words + w] = m.Word(w);
            return m;
        }
    }

    /// <summary>Lane 0 honours every decision, lane 1 none; the others each decision with 0.1, 0.5 or 0.9 (chosen per decision).</summary>
    private static ulong[] FixedMasks(int decisions, int seed)
    {
        var rng = new Random(seed);
        var masks = new ulong[decisions];
        for (var d = 0; d < decisions; d++)
        {
            var p = new[] { 0.1, 0.5, 0.9 }[rng.Next(3)];
            for (var lane = 2; lane < 64; lane++)
                if (rng.NextDouble() < p) masks[d] |= 1UL << lane;
            masks[d] |= 1;
        }
        return masks;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernels_FixedDecisionOutcomes_AgreeWithTheReferenceTrialByTrial(string scenario, string join)
    {
        var (g, start) = Scenario(scenario);
        var units = Units(g, start, join);
        var decisions = new LaneDecisions(g.Lanes, units);
        var masks = FixedMasks(units.Count, 11);
        var lanes = new LaneKernel<Lanes64>(g, decisions);
        var source = new Fixed(masks, decisions);
        Run(g, start, lanes, ref source);

        var involved = Compare($"{scenario}/{join}", g, start, units, masks, 1, lanes);
        Assert.True(involved > 64 * 2, $"{scenario}/{join}: only {involved} roles over all lanes");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernels_MonteCarloDraws_AgreeWithTheReferenceTrialByTrial(string scenario, string join)
    {
        var (g, start) = Scenario(scenario);
        var units = Units(g, start, join);
        var decisions = new LaneDecisions(g.Lanes, units);
        var numerators = new int[decisions.Count];
        for (var d = 0; d < numerators.Length; d++) numerators[d] = BernoulliLanes.Numerator(units.P(decisions.UnitDecision(d)));
        var bernoulli = new BernoulliLanes(numerators);
        bernoulli.Reseed(new Xoshiro(2026));
        // Decisions the kernel never draws cannot change its outcome: the reference gets random ones there.
        var masks = new ulong[units.Count * 4];
        new Random(5).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(masks.AsSpan()));
        var drawn = new bool[units.Count];
        var source = new Recorded(bernoulli, decisions, masks, drawn);
        var lanes = new LaneKernel<Lanes256>(g, decisions);
        Run(g, start, lanes, ref source);

        Assert.Contains(true, drawn);
        var involved = Compare($"{scenario}/{join}", g, start, units, masks, 4, lanes);
        Assert.True(involved > 256 * 2, $"{scenario}/{join}: only {involved} roles over all lanes");
    }

    private static void Run<T, THonour>(CascadeGraph g, CascadeStart start, LaneKernel<T> lanes, ref THonour honour)
        where T : struct, ILanes<T> where THonour : struct, ILaneHonour
    {
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        lanes.Run(attackers, targets, start.Events(g).ToArray(), ref honour);
    }

    /// <summary>Every lane of the lane kernel and a scalar run per lane against the reference; returns the roles other than outside.</summary>
    private static int Compare<T>(string name, CascadeGraph g, CascadeStart start, DecisionUnits units, ulong[] masks, int words, LaneKernel<T> lanes)
        where T : struct, ILanes<T>
    {
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        var scalar = new CascadeKernel(g, units);
        var involved = 0;
        for (var lane = 0; lane < T.Width; lane++)
        {
            var outcome = new bool[units.Count];
            for (var d = 0; d < outcome.Length; d++) outcome[d] = ((masks[d * words + (lane >> 6)] >> (lane & 63)) & 1) != 0;
            var expected = ReferenceCascade.Run(g, start, units, outcome);
            var honour = new LaneOf(masks, words, lane);
            scalar.Run(attackers, targets, events, ref honour);
            Assert.True(expected.Capped == scalar.Capped, $"capped: {name}, lane {lane}");
            Assert.True(expected.Capped == lanes.Capped.Has(lane), $"capped (lanes): {name}, lane {lane}");
            for (var s = 0; s < g.StateCount; s++)
            {
                var where = $"{name}, lane {lane}, state {g.States[s].Code}";
                var role = expected.Roles[s];
                Assert.True(role == (CascadeRole)scalar.Role[s], $"scalar role {(CascadeRole)scalar.Role[s]}, reference {role}: {where}");
                Assert.True(role == lanes.RoleOf(s, lane), $"lane role {lanes.RoleOf(s, lane)}, reference {role}: {where}");
                if (role is CascadeRole.Belligerent or CascadeRole.Supporter)
                    Assert.True(expected.Sides[s] == (CascadeSide)scalar.Side[s], $"scalar side {(CascadeSide)scalar.Side[s]}, reference {expected.Sides[s]}: {where}");
                var side = role == CascadeRole.Belligerent ? expected.Sides[s] : CascadeSide.None;
                Assert.True(side == lanes.SideOf(s, lane), $"lane side {lanes.SideOf(s, lane)}, reference {side}: {where}");
                if (role != CascadeRole.Outside) involved++;
            }
        }
        return involved;
    }
}
