namespace Pacta.Evaluation.Cascade;

/// <summary>The roles and sides one run of a cascade ends with (sides of belligerents and supporters; None elsewhere).</summary>
public sealed record ReferenceOutcome(CascadeRole[] Roles, CascadeSide[] Sides, bool Capped);

/// <summary>
/// The cascade's rules written as plainly as they can be, with no performance tricks: the oracle that
/// <see cref="CascadeKernel"/> and <see cref="LaneKernel{T}"/> are tested against, trial by trial. A run is given
/// the outcome of every decision (<see cref="DecisionUnits"/>): obligation c towards a beneficiary on side s is
/// honoured when <c>honoured[units.Of(c, s)]</c>.
/// <para>
/// The rules (docs/cascade.md): the initial attackers and targets are at war in round 0, and the initial events
/// are evaluated in round 1. In each round, for each event of the round in turn and each obligation it triggers: a
/// obligation is acted on once per run, the first time it is met while its obligor is not at war and its
/// beneficiary is; honoured, a promise to fight makes its obligor a candidate for its beneficiary's side, a support
/// promise makes an outsider a supporter, and a promise to stay out bars its obligor from the side against its
/// beneficiary (neither stay-out kind protects the initial attacker unless the options say so). Then, in state
/// order: a candidate pulled to both sides is kept out; one barred from its side, or holding an honoured standing
/// peace promise towards a belligerent of the other side, is kept out if peace prevails (and joins otherwise); any
/// other joins, and the events of its entry (its counter-attack on, and its war involvement with, the aggressor of
/// the first event that made it a candidate) are evaluated in the next round, each event at most once per run and
/// only if it triggers something. A run that still has events after <see cref="CascadeOptions.MaxRounds"/> is capped.
/// </para>
/// </summary>
public static class ReferenceCascade
{
    public static ReferenceOutcome Run(CascadeGraph g, CascadeStart start, DecisionUnits units, IReadOnlyList<bool> honoured)
    {
        if (!g.Closed) throw new InvalidOperationException("the reference cascade runs on a closed graph");
        var options = g.Options;
        var n = g.StateCount;
        var role = new CascadeRole[n];
        var side = new CascadeSide[n];
        foreach (var a in start.Attackers) (role[g.IndexOf(a.Cow)], side[g.IndexOf(a.Cow)]) = (CascadeRole.Belligerent, CascadeSide.Attacker);
        foreach (var t in start.Targets) (role[g.IndexOf(t.Cow)], side[g.IndexOf(t.Cow)]) = (CascadeRole.Belligerent, CascadeSide.Defender);
        var initialAttacker = new bool[n];
        foreach (var a in start.Attackers) initialAttacker[g.IndexOf(a.Cow)] = side[g.IndexOf(a.Cow)] == CascadeSide.Attacker;

        // barred[o, s]: o promised to stay out of a war against a belligerent of the side other than s, so may not join s.
        var barred = new bool[n, 3];
        var actedOn = new bool[g.ObligationCount];
        var evaluated = new HashSet<int>();
        var round = new List<int>();
        foreach (var ev in start.Events(g))
            if (evaluated.Add(ev)) round.Add(ev);

        bool Honoured(int obligation, CascadeSide beneficiarySide) => honoured[units.Of(obligation, beneficiarySide)];
        bool Protected(int beneficiary) => options.PeaceProtectsAggressor || !initialAttacker[beneficiary];

        for (var r = 1; round.Count > 0; r++)
        {
            if (r > options.MaxRounds) return Outcome(capped: true);
            var candidateSide = new CascadeSide?[n];
            var pulledBothWays = new bool[n];
            var firstEvent = new int[n];
            foreach (var ev in round)
            {
                foreach (var c in g.Edges(ev))
                {
                    var o = g.ObligorOf[c];
                    var b = g.BeneficiaryOf[c];
                    if (role[o] == CascadeRole.Belligerent || actedOn[c] || role[b] != CascadeRole.Belligerent) continue;
                    actedOn[c] = true;
                    var sb = side[b];
                    switch ((CascadeEffect)g.EffectOf[c])
                    {
                        case CascadeEffect.StayOut:
                            if (Protected(b) && Honoured(c, sb)) barred[o, (int)Other(sb)] = true;
                            break;
                        case CascadeEffect.Support:
                            if (role[o] == CascadeRole.Outside && Honoured(c, sb)) (role[o], side[o]) = (CascadeRole.Supporter, sb);
                            break;
                        case CascadeEffect.Consult:
                            break; // talks, not a role
                        case CascadeEffect.Fight:
                            if (!Honoured(c, sb)) break;
                            if (candidateSide[o] is null) (candidateSide[o], firstEvent[o]) = (sb, ev);
                            else if (candidateSide[o] != sb) pulledBothWays[o] = true;
                            break;
                    }
                }
            }

            var nextRound = new List<int>();
            for (var o = 0; o < n; o++)
            {
                if (candidateSide[o] is not { } s) continue;
                var keptOut = pulledBothWays[o];
                if (!keptOut && options.Clashes == ObligationClash.PeacePrevails)
                    keptOut = barred[o, (int)s] || StandingPeaceHolds(o, s);
                if (keptOut)
                {
                    if (role[o] != CascadeRole.KeptOut) (role[o], side[o]) = (CascadeRole.KeptOut, CascadeSide.None);
                    continue;
                }
                (role[o], side[o]) = (CascadeRole.Belligerent, s);
                foreach (var next in g.Derived(o, g.AttackerOf[firstEvent[o]]))
                    if (g.Edges(next).Length > 0 && evaluated.Add(next)) nextRound.Add(next);
            }
            round = nextRound;
        }
        return Outcome(capped: false);

        ReferenceOutcome Outcome(bool capped) => new(role, side, capped);

        // A standing non-aggression promise of o towards a belligerent of the side o would fight, honoured.
        bool StandingPeaceHolds(int o, CascadeSide s)
        {
            foreach (var c in g.PeaceObligationsOf(o))
            {
                var x = g.BeneficiaryOf[c];
                if (role[x] == CascadeRole.Belligerent && side[x] == Other(s) && Protected(x) && Honoured(c, side[x])) return true;
            }
            return false;
        }
    }

    private static CascadeSide Other(CascadeSide s) => s == CascadeSide.Attacker ? CascadeSide.Defender : CascadeSide.Attacker;
}
