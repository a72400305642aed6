using System.Numerics;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The 64-lane kernel against the scalar kernel: for the same honour draws, every lane ends with the roles, and the sides
/// of belligerents, of a scalar run with that lane's draws.
/// </summary>
public sealed class LaneKernelTests
{
    /// <summary>The scalar kernel's view of one lane of fixed masks.</summary>
    private readonly struct LaneOf(ulong[] masks, int lane) : IHonour
    {
        public bool Honoured(int commitment) => ((masks[commitment] >> lane) & 1) != 0;
    }

    /// <summary>Masks by graph id; the kernel asks by lane id.</summary>
    private readonly struct Fixed(ulong[] masks, CascadeGraph g) : ILaneHonour
    {
        private readonly int[] _graphId = g.Lanes.GraphId;
        public ulong Mask(int commitment, ulong lanes) => masks[_graphId[commitment]];
    }

    private static readonly Assumptions Ceasefire = new([new AssumedCeasefire(null, new DateOnly(2026, 1, 1))], [], []);
    private static readonly Assumptions UkraineInNato = new([new AssumedCeasefire(null, new DateOnly(2026, 1, 1))], [],
        [new AssumedMembership(369, "nato", new DateOnly(2026, 1, 1))]);

    public static TheoryData<string> Scenarios => new()
    {
        "est-2025", "est-2025-peace-prevails-protects-aggressor", "est-2025-no-joiner-attacks-conditional-support",
        "deu-rus-1914", "deu-rus-1914-peace-prevails-3-rounds", "ukr-2027-nato", "ukr-2027-ceasefire-discretionary-support",
    };

    private static (CascadeGraph Graph, CascadeStart Start) Scenario(string name)
    {
        var corpus = CascadeCorpus.Corpus;
        var s = corpus.States;
        var (attacker, target, day, location, assumptions, options) = name switch
        {
            "est-2025" => (365, 366, "2025-06-01", "EE", Assumptions.None, CascadeOptions.Default),
            "est-2025-peace-prevails-protects-aggressor" => (365, 366, "2025-06-01", "EE", Assumptions.None,
                new CascadeOptions { Conflicts = PromiseConflict.PeacePrevails, PeaceProtectsAggressor = true }),
            "est-2025-no-joiner-attacks-conditional-support" => (365, 366, "2025-06-01", "EE", Assumptions.None,
                new CascadeOptions { JoinerAttacks = JoinerAttacks.None, Conditional = ConditionalPromises.Support }),
            "deu-rus-1914" => (255, 365, "1914-08-01", null, Assumptions.None, CascadeOptions.Default),
            "deu-rus-1914-peace-prevails-3-rounds" => (255, 365, "1914-08-01", null, Assumptions.None,
                new CascadeOptions { Conflicts = PromiseConflict.PeacePrevails, MaxRounds = 3 }),
            "ukr-2027-nato" => (365, 369, "2027-03-01", "UA-63", UkraineInNato, CascadeOptions.Default),
            "ukr-2027-ceasefire-discretionary-support" => (365, 369, "2027-03-01", "UA-63", Ceasefire,
                new CascadeOptions { DiscretionaryFights = false }),
            _ => throw new ArgumentException(name),
        };
        var g = new CascadeGraph(new CascadeSource(corpus, DateOnly.Parse(day), assumptions), options);
        var start = new CascadeStart([s.ByCow(attacker)!], [s.ByCow(target)!], TriggerKind.ArmedAttack,
            location is null ? null : corpus.Locations.Find(location)!);
        g.Close(start);
        return (g, start);
    }

    /// <summary>
    /// Per commitment a probability of 0.1, 0.5 or 0.9, drawn per lane; lane 0 honours everything and lane 1 nothing,
    /// so the deterministic cascade and the bare attack are among the lanes.
    /// </summary>
    private static ulong[] Masks(int commitments, int seed)
    {
        var rng = new Random(seed);
        var masks = new ulong[commitments];
        for (var c = 0; c < commitments; c++)
        {
            var p = new[] { 0.1, 0.5, 0.9 }[rng.Next(3)];
            for (var lane = 2; lane < 64; lane++)
                if (rng.NextDouble() < p) masks[c] |= 1UL << lane;
            masks[c] |= 1;
        }
        return masks;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void LaneKernel_EveryLane_EqualsTheScalarKernelWithThatLanesDraws(string name)
    {
        var (g, start) = Scenario(name);
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        var lanes = new LaneKernel(g);
        var scalar = new CascadeKernel(g);
        var involved = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var masks = Masks(g.CommitmentCount, seed);
            var source = new Fixed(masks, g);
            lanes.Run(attackers, targets, events, ref source);
            for (var lane = 0; lane < 64; lane++)
            {
                var honour = new LaneOf(masks, lane);
                scalar.Run(attackers, targets, events, ref honour);
                Assert.Equal(scalar.Capped, ((lanes.Capped >> lane) & 1) != 0);
                for (var s = 0; s < g.StateCount; s++)
                {
                    var where = $"{name}, seed {seed}, lane {lane}, state {g.States[s].Code}";
                    Assert.True((CascadeRole)scalar.Role[s] == lanes.RoleOf(s, lane), $"role {(CascadeRole)scalar.Role[s]} vs {lanes.RoleOf(s, lane)}: {where}");
                    // The lane kernel keeps the sides of belligerents only (the Monte Carlo counts no others).
                    var side = scalar.Role[s] == (byte)CascadeRole.Belligerent ? (CascadeSide)scalar.Side[s] : CascadeSide.None;
                    Assert.True(side == lanes.SideOf(s, lane), $"side {side} vs {lanes.SideOf(s, lane)}: {where}");
                    if (scalar.Role[s] != (byte)CascadeRole.Outside) involved++;
                }
            }
        }
        // Not trivial: states other than the attacker and the target take a role in some lanes.
        Assert.True(involved > 3 * 64 * 2, $"{name}: only {involved} roles over all lanes");
    }

    [Fact]
    public void LaneKernel_AllOnesAndAllZeros_GiveTheDeterministicCascadeAndTheBareAttack()
    {
        var (g, start) = Scenario("est-2025");
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        var masks = new ulong[g.CommitmentCount];
        Array.Fill(masks, 0x00000000FFFFFFFFUL);
        var source = new Fixed(masks, g);
        var lanes = new LaneKernel(g);
        lanes.Run(attackers, targets, events, ref source);

        var det = DeterministicCascade.Run(g, start);
        var belligerents = det.Belligerents.Select(s => g.IndexOf(s.State.Cow)).ToHashSet();
        Assert.True(belligerents.Count > 40);
        for (var s = 0; s < g.StateCount; s++)
        {
            // Lanes 0–31 honour everything, lanes 32–63 nothing: only the attacker and the target are at war there.
            Assert.Equal(belligerents.Contains(s) ? 0xFFFFFFFFUL : 0, lanes.Bel[s] & 0xFFFFFFFFUL);
            Assert.Equal(attackers.Contains(s) || targets.Contains(s) ? 0xFFFFFFFF00000000UL : 0, lanes.Bel[s] & 0xFFFFFFFF00000000UL);
        }
    }

    [Theory]
    [InlineData(0.41)]
    [InlineData(0.5)]
    [InlineData(0.074)]
    public void BernoulliLanes_FewAndManyLanes_HonourWithTheRoundedProbability(double p)
    {
        var k = BernoulliLanes.Numerator(p);
        Assert.Equal(Math.Round(p * 65536), k);
        var honour = new BernoulliLanes([k]) { Rng = new Xoshiro(5) };
        long few = 0, many = 0;
        const int N = 100_000;
        for (var i = 0; i < N; i++)
        {
            // Three lanes take the per-lane path, all 64 the bit-expansion path.
            few += BitOperations.PopCount(honour.Mask(0, 0b1011UL << (i % 60)) & (0b1011UL << (i % 60)));
            many += BitOperations.PopCount(honour.Mask(0, ulong.MaxValue));
        }
        var q = k / 65536.0;
        // Five standard errors.
        Assert.InRange(few / (3.0 * N), q - 5 * Math.Sqrt(q * (1 - q) / (3.0 * N)), q + 5 * Math.Sqrt(q * (1 - q) / (3.0 * N)));
        Assert.InRange(many / (64.0 * N), q - 5 * Math.Sqrt(q * (1 - q) / (64.0 * N)), q + 5 * Math.Sqrt(q * (1 - q) / (64.0 * N)));
    }

    [Fact]
    public void BernoulliLanes_ZeroAndOne_NeedNoDraws()
    {
        var honour = new BernoulliLanes([0, 65536]) { Rng = new Xoshiro(5) };
        var before = honour.Rng;
        Assert.Equal(0UL, honour.Mask(0, ulong.MaxValue));
        Assert.Equal(ulong.MaxValue, honour.Mask(1, 0b101));
        Assert.Equal(before.Next(), honour.Rng.Next());
        Assert.Equal(0, BernoulliLanes.Numerator(1e-6));
        Assert.Equal(65536, BernoulliLanes.Numerator(1));
    }
}
