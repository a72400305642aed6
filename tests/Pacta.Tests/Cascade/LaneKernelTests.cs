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
    /// <summary>The scalar kernel's view of one lane of fixed masks (<paramref name="words"/> words per obligation).</summary>
    private readonly struct LaneOf(ulong[] masks, int words, int lane) : IHonour
    {
        public bool Honoured(int obligation) => ((masks[obligation * words + (lane >> 6)] >> (lane & 63)) & 1) != 0;
    }

    /// <summary>Masks by graph id; the kernel asks by lane id.</summary>
    private readonly struct Fixed(ulong[] masks, CascadeGraph g) : ILaneHonour
    {
        private readonly int[] _graphId = g.Lanes.GraphId;
        public T Mask<T>(int obligation) where T : struct, ILanes<T> =>
            T.FromWords(masks.AsSpan(_graphId[obligation] * T.Words, T.Words));
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
                new CascadeOptions { Clashes = ObligationClash.PeacePrevails, PeaceProtectsAggressor = true }),
            "est-2025-no-joiner-attacks-conditional-support" => (365, 366, "2025-06-01", "EE", Assumptions.None,
                new CascadeOptions { JoinerAttacks = JoinerAttacks.None, Conditional = ConditionalObligations.Support }),
            // Conditional obligations propagated: under the 1914 overlays the Triple Alliance's promises hang on "provocation",
            // and the kernels must agree on the richer graph they make, not only on France joining.
            "deu-rus-1914" => (255, 365, "1914-08-01", null, Assumptions.None, CascadeOptions.Default with { Conditional = ConditionalObligations.Propagate }),
            "deu-rus-1914-peace-prevails-3-rounds" => (255, 365, "1914-08-01", null, Assumptions.None,
                new CascadeOptions { Clashes = ObligationClash.PeacePrevails, MaxRounds = 3, Conditional = ConditionalObligations.Propagate }),
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
    /// Per obligation a probability of 0.1, 0.5 or 0.9, drawn per lane; lane 0 honours everything and lane 1 nothing,
    /// so the deterministic cascade and the bare attack are among the lanes.
    /// </summary>
    private static ulong[] Masks(int obligations, int width, int seed)
    {
        var rng = new Random(seed);
        var words = width / 64;
        var masks = new ulong[obligations * words];
        for (var c = 0; c < obligations; c++)
        {
            var p = new[] { 0.1, 0.5, 0.9 }[rng.Next(3)];
            for (var lane = 2; lane < width; lane++)
                if (rng.NextDouble() < p) masks[c * words + (lane >> 6)] |= 1UL << (lane & 63);
            masks[c * words] |= 1;
        }
        return masks;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void LaneKernel_EveryLane_EqualsTheScalarKernelWithThatLanesDraws(string name)
    {
        // 64 lanes over three sets of draws, 256 lanes (what the Monte Carlo runs) over one.
        var involved = EveryLaneEqualsTheScalarKernel<Lanes64>(name, [1, 2, 3]);
        Assert.True(involved > 3 * 64 * 2, $"{name}: only {involved} roles over all lanes");
        involved = EveryLaneEqualsTheScalarKernel<Lanes256>(name, [4]);
        Assert.True(involved > 256 * 2, $"{name}: only {involved} roles over all lanes");
    }

    /// <summary>Returns the number of roles other than outside over all lanes.</summary>
    private static int EveryLaneEqualsTheScalarKernel<T>(string name, int[] seeds) where T : struct, ILanes<T>
    {
        var (g, start) = Scenario(name);
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        var lanes = new LaneKernel<T>(g);
        var scalar = new CascadeKernel(g);
        var involved = 0;
        foreach (var seed in seeds)
        {
            var masks = Masks(g.ObligationCount, T.Width, seed);
            var source = new Fixed(masks, g);
            lanes.Run(attackers, targets, events, ref source);
            for (var lane = 0; lane < T.Width; lane++)
            {
                var honour = new LaneOf(masks, T.Words, lane);
                scalar.Run(attackers, targets, events, ref honour);
                Assert.Equal(scalar.Capped, lanes.Capped.Has(lane));
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
        // Not trivial (checked by the caller): states other than the attacker and the target take a role in some lanes.
        return involved;
    }

    [Fact]
    public void LaneKernel_AllOnesAndAllZeros_GiveTheDeterministicCascadeAndTheBareAttack()
    {
        var (g, start) = Scenario("est-2025");
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        var masks = new ulong[g.ObligationCount];
        Array.Fill(masks, 0x00000000FFFFFFFFUL);
        var source = new Fixed(masks, g);
        var lanes = new LaneKernel<Lanes64>(g);
        lanes.Run(attackers, targets, events, ref source);

        var det = DeterministicCascade.Run(g, start);
        var belligerents = det.Belligerents.Select(s => g.IndexOf(s.State.Cow)).ToHashSet();
        Assert.True(belligerents.Count > 40);
        for (var s = 0; s < g.StateCount; s++)
        {
            // Lanes 0–31 honour everything, lanes 32–63 nothing: only the attacker and the target are at war there.
            Assert.Equal(belligerents.Contains(s) ? 0xFFFFFFFFUL : 0, lanes.Bel[s].Bits & 0xFFFFFFFFUL);
            Assert.Equal(attackers.Contains(s) || targets.Contains(s) ? 0xFFFFFFFF00000000UL : 0, lanes.Bel[s].Bits & 0xFFFFFFFF00000000UL);
        }
    }

    [Theory]
    [InlineData(0.41)]
    [InlineData(0.5)]
    [InlineData(0.074)]
    [InlineData(0.999)]
    public void BernoulliLanes_EveryLane_HonoursWithTheRoundedProbability(double p)
    {
        var k = BernoulliLanes.Numerator(p);
        Assert.Equal(Math.Round(p * 65536), k);
        var honour = new BernoulliLanes([k]);
        honour.Reseed(new Xoshiro(5));
        const int N = 20_000;
        var perLane = new int[256];
        long narrow = 0;
        for (var i = 0; i < N; i++)
        {
            var m = honour.Mask<Lanes256>(0);
            for (var lane = 0; lane < 256; lane++)
                if (m.Has(lane)) perLane[lane]++;
            narrow += honour.Mask<Lanes64>(0).PopCount();
        }
        var q = k / 65536.0;
        // Five standard errors over all draws, and every lane on its own within six (lanes are not stuck or shared).
        var all = perLane.Sum() / (256.0 * N);
        Assert.InRange(all, q - 5 * Math.Sqrt(q * (1 - q) / (256.0 * N)), q + 5 * Math.Sqrt(q * (1 - q) / (256.0 * N)));
        Assert.InRange(narrow / (64.0 * N), q - 5 * Math.Sqrt(q * (1 - q) / (64.0 * N)), q + 5 * Math.Sqrt(q * (1 - q) / (64.0 * N)));
        foreach (var count in perLane)
            Assert.InRange(count / (double)N, q - 6 * Math.Sqrt(q * (1 - q) / N), q + 6 * Math.Sqrt(q * (1 - q) / N));
    }

    [Fact]
    public void BernoulliLanes_NeighbouringLanes_AreIndependent()
    {
        // p = 0.5 for every pair of adjacent lanes: both honoured a quarter of the time.
        var honour = new BernoulliLanes([32768]);
        honour.Reseed(new Xoshiro(9));
        const int N = 20_000;
        long both = 0;
        for (var i = 0; i < N; i++)
        {
            var m = honour.Mask<Lanes256>(0);
            for (var lane = 0; lane < 255; lane++)
                if (m.Has(lane) && m.Has(lane + 1)) both++;
        }
        var share = both / (255.0 * N);
        Assert.InRange(share, 0.25 - 5 * Math.Sqrt(0.25 * 0.75 / (255.0 * N)), 0.25 + 5 * Math.Sqrt(0.25 * 0.75 / (255.0 * N)));
    }

    [Fact]
    public void BernoulliLanes_ZeroAndOne_NeedNoDraws()
    {
        var honour = new BernoulliLanes([0, 65536, 30000]);
        honour.Reseed(new Xoshiro(5));
        var before = honour;
        Assert.True(honour.Mask<Lanes256>(0).IsZero);
        Assert.Equal(ulong.MaxValue, honour.Mask<Lanes64>(1).Bits);
        // The generators did not move: a probability in between draws the same as from the copy taken before.
        var next = honour.Mask<Lanes256>(2);
        var fromBefore = before.Mask<Lanes256>(2);
        Assert.False(next.IsZero);
        Assert.True((next ^ fromBefore).IsZero);
        Assert.Equal(0, BernoulliLanes.Numerator(1e-6));
        Assert.Equal(65536, BernoulliLanes.Numerator(1));
    }
}
