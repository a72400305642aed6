using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

[assembly: InternalsVisibleTo("Pacta.Tests")]
// The cascade bench times the one-trial kernel beside the lane kernel (bench/Pacta.Bench.Cascade/ScalarTrials.cs).
[assembly: InternalsVisibleTo("Pacta.Bench.Cascade")]

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// Which lanes (trials) honour a decision, named by its lane decision id (<see cref="LaneDecisions"/>: with one
/// decision per obligation, the obligation's lane id, <see cref="LaneLayout.LaneId"/>, so the kernel's per-obligation
/// data and a source indexed the same way are read side by side). Asked once per decision and run, for all lanes:
/// drawing every lane at once costs less than drawing lane by lane.
/// </summary>
internal interface ILaneHonour
{
    T Mask<T>(int decision) where T : struct, ILanes<T>;
}

/// <summary>
/// Bernoulli draws with probability k / 2^16 for 256 lanes at once (<see cref="Xoshiro4.Bernoulli"/>: each bit set
/// with probability exactly k / 2^16, independently of the others). p = 0 and p = 1 need no draw. Numerators are
/// indexed by lane decision id.
/// </summary>
internal struct BernoulliLanes(int[] numerators) : ILaneHonour
{
    public const int Bits = 16;
    public const int One = 1 << Bits;

    private readonly int[] _numerators = numerators;
    private Xoshiro4 _wide;

    /// <summary>Seeds the vector streams from <paramref name="rng"/>, so that a block depends on its own seed only.</summary>
    public void Reseed(Xoshiro rng) => _wide = new Xoshiro4(ref rng);

    /// <summary>p rounded to the nearest multiple of 2^-16.</summary>
    public static int Numerator(double p) => (int)Math.Clamp(Math.Round(p * One, MidpointRounding.AwayFromZero), 0, One);

    public T Mask<T>(int decision) where T : struct, ILanes<T>
    {
        var k = _numerators[decision];
        if (k <= 0) return T.Zero;
        if (k >= One) return T.All;
        return T.FromVector(_wide.Bernoulli(k));
    }
}

/// <summary>
/// The cascade of <see cref="CascadeKernel"/> for <c>T.Width</c> trials at once, one bit per trial ("lane") in every
/// mask.
/// Rounds are shared by all lanes. Within a round the scalar kernel takes events in one order; each event here has
/// a key that gives its place in that order (round 1: the initial events in turn; later rounds: by the joiner that
/// pushed it, its counter-attack before its war involvement: a derived event has a single possible pusher). Nothing
/// that changes within a round depends on that order except whom a joiner attacks, the aggressor of the first event
/// that made it a candidate, so the kernel takes the events of a round grouped by edge set, walks each set once for
/// all lanes of its events, and at the joining gives each lane the candidacy with the smallest key. Only roles and
/// the sides of belligerents are computed: paths, rounds and breaches stay with the scalar kernel.
/// </summary>
internal sealed class LaneKernel<T> where T : struct, ILanes<T>
{
    private readonly CascadeGraph _g;
    private readonly LaneLayout _l;
    private readonly int _n;

    // By lane id, the decision for a beneficiary on each side; null when each obligation is its own decision.
    private readonly int[]? _decisionA;
    private readonly int[]? _decisionD;

    // Per state: the role masks are disjoint; SideA marks the lanes where a belligerent is on the attacker's side.
    public readonly T[] Bel;
    public readonly T[] Sup;
    public readonly T[] Kept;
    public readonly T[] SideA;
    private readonly T[] _blockedA;
    private readonly T[] _blockedD;
    private readonly T[] _candA;
    private readonly T[] _candD;
    private readonly int[] _pieceHead;
    private readonly bool[] _initialAttacker;
    private readonly int[] _cands;

    // Candidacies of this round: (key, enemy, lanes), chained per state.
    private Piece[] _pieces = new Piece[256];
    private Piece[] _sorted = new Piece[16];

    // Events pushed by this round's joiners, in order.
    private PendingPush[] _pushes = new PendingPush[64];

    // Support promises met in this round, decided after the joining.
    private PendingSupport[] _support = new PendingSupport[256];

    // This round's events grouped by edge set: the sets in order of appearance, and per set a chain of its events
    // with the lanes each evaluates (disjoint: a lane evaluates a set once per round).
    private int[] _roundSets = new int[64];
    private Entry[] _entries = new Entry[64];

    // Obligations acted on in this round; they count as seen from the next round on.
    private SeenLog[] _seenLog = new SeenLog[256];

    // Per event and per edge set: lane masks valid only when their stamp is the current run's, so a run starts
    // without clearing arrays of the graph's size. Per obligation: seen, cleared through the list of obligations
    // seen in the run; per decision (in the same array, by lane decision id): the draw, valid when its stamp is the run's.
    private readonly ObligationLanes[] _obligations;
    private int[] _seenList = new int[256];
    private int _seenCount;
    private readonly int[] _drawStamp;
    private readonly EventLanes[] _events;
    private readonly SetLanes[] _sets;
    private int[] _frontier = new int[64];
    private int[] _next = new int[64];
    private int _stamp;

    /// <summary>An event's lane masks with its data, together as events are met in random order.</summary>
    private struct EventLanes
    {
        /// <summary>Lanes in which the event was pushed in this run (each evaluates it once).</summary>
        public T Pushed;
        /// <summary>Lanes that evaluate it in the coming round.</summary>
        public T Next;
        public int Stamp;
        public int Set;
        public int Attacker;
        /// <summary>Its place in the scalar kernel's order within its round.</summary>
        public int Key;
    }

    /// <summary>
    /// Per obligation, side by side as every edge reads the one and most then the other: the lanes in which it was
    /// acted on in an earlier round of the run, and the lanes that honour decision number <c>c</c> (valid when drawn in
    /// this run; with one decision per obligation, the obligation's own).
    /// </summary>
    private struct ObligationLanes
    {
        public T Seen;
        public T Honoured;
    }

    /// <summary>An edge set's lane masks with its groups.</summary>
    private struct SetLanes
    {
        /// <summary>Lanes in which every obligation of the set was acted on: nothing is left to do there in the run.</summary>
        public T Done;
        /// <summary>Lanes that evaluate the set in the current round.</summary>
        public T Round;
        public int Stamp;
        public int RoundNumber;
        public int GroupStart;
        public int GroupEnd;
        /// <summary>The first of this round's events with this set (an index into the entries), or -1.</summary>
        public int Head;
    }

    private struct Entry
    {
        public T Lanes;
        public int Key;
        public int Enemy;
        public int Next;
    }

    private struct Piece
    {
        public T Lanes;
        public int Key;
        public int Enemy;
        public int Next;
    }

    private readonly record struct PendingSupport(int Obligation, int Obligor, int Beneficiary, T Lanes);

    private readonly record struct SeenLog(int Obligation, T Lanes);

    /// <summary>An event to push: its index in <see cref="LaneLayout.Derived"/> until resolved to a slot.</summary>
    private struct PendingPush
    {
        public T Lanes;
        public int Event;
        public int Key;
    }

    /// <summary>A kernel for <paramref name="g"/> that draws <paramref name="decisions"/> (default: one per obligation).</summary>
    public LaneKernel(CascadeGraph g, LaneDecisions? decisions = null)
    {
        if (!g.Closed) throw new InvalidOperationException("the lane kernel needs a closed graph");
        _g = g;
        _l = g.Lanes;
        _decisionA = decisions?.Attacker;
        _decisionD = decisions?.Defender;
        _n = g.StateCount;
        Bel = new T[_n];
        Sup = new T[_n];
        Kept = new T[_n];
        SideA = new T[_n];
        _blockedA = new T[_n];
        _blockedD = new T[_n];
        _candA = new T[_n];
        _candD = new T[_n];
        _pieceHead = new int[_n];
        _initialAttacker = new bool[_n];
        _cands = new int[_n];
        var slots = Math.Max(g.ObligationCount, decisions?.Count ?? 0);
        _obligations = new ObligationLanes[slots];
        _drawStamp = new int[slots];
        // Events and sets are the layout's slots and local sets, numbered in the order a search from the start met them.
        _events = new EventLanes[_l.SlotCount];
        for (var slot = 0; slot < _events.Length; slot++)
        {
            _events[slot].Set = _l.SlotSet[slot];
            _events[slot].Attacker = _l.SlotAggressor[slot];
        }
        _sets = new SetLanes[_l.SetCount];
        for (var set = 0; set < _sets.Length; set++)
        {
            _sets[set].GroupStart = _l.SetGroupStart[set];
            _sets[set].GroupEnd = _l.SetGroupStart[set + 1];
        }
    }

    /// <summary>Lanes whose cascade reached <see cref="CascadeOptions.MaxRounds"/> with events still to evaluate.</summary>
    public T Capped { get; private set; }

    public CascadeRole RoleOf(int s, int lane) =>
        Bel[s].Has(lane) ? CascadeRole.Belligerent
        : Kept[s].Has(lane) ? CascadeRole.KeptOut
        : Sup[s].Has(lane) ? CascadeRole.Supporter
        : CascadeRole.Outside;

    /// <summary>The side of a belligerent; <see cref="CascadeSide.None"/> for any other role (not tracked here).</summary>
    public CascadeSide SideOf(int s, int lane) =>
        !Bel[s].Has(lane) ? CascadeSide.None : SideA[s].Has(lane) ? CascadeSide.Attacker : CascadeSide.Defender;

    // The kernel is always compiled by the JIT (ReadyToRun code for Vector256 is not used on AVX2 machines), and with
    // quick JIT for loops a run of a few thousand trials would spend most of its time in unoptimized tier-0 code: 190 ms
    // for 10,000 trials instead of ~10. Fully optimized from the first call instead (issue 13, "Speed users feel").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run<THonour>(ReadOnlySpan<int> attackers, ReadOnlySpan<int> targets, ReadOnlySpan<int> initialEvents, ref THonour honour)
        where THonour : struct, ILaneHonour
    {
        Reset();
        foreach (var a in attackers) Enter(a, true);
        foreach (var t in targets) Enter(t, false);
        foreach (var a in attackers) _initialAttacker[a] = !SideA[a].IsZero;
        var fCount = 0;
        for (var i = 0; i < initialEvents.Length; i++) Push(ref _frontier, ref fCount, _l.SlotOf[initialEvents[i]], T.All, i);

        var options = _g.Options;
        var peacePrevails = options.Clashes == ObligationClash.PeacePrevails;
        var stamp = _stamp;
        for (var r = 1; fCount > 0; r++)
        {
            if (r > options.MaxRounds)
            {
                var capped = T.Zero;
                foreach (var ev in _frontier.AsSpan(0, fCount)) capped |= _events[ev].Next;
                Capped = capped;
                break;
            }
            var setCount = Gather(fCount, r, stamp);
            var candCount = 0;
            var pieceCount = 0;
            var supportCount = 0;
            var logCount = 0;
            for (var i = 0; i < setCount; i++)
                Walk(ref _sets[_roundSets[i]], peacePrevails, ref candCount, ref pieceCount, ref supportCount, ref logCount, ref honour);
            foreach (var (c, m) in _seenLog.AsSpan(0, logCount))
            {
                ref var seen = ref _obligations[c].Seen;
                if (seen.IsZero) AddSeen(c);
                seen |= m;
            }
            // Up to the last round, lanes in which an event's set has nothing left to do are not pushed at all; the
            // last round's pushes only tell which lanes were capped, as in the scalar kernel.
            var nCount = Join(candCount, peacePrevails, r < options.MaxRounds, ref honour);
            SupportAfterJoining(supportCount, ref honour);
            (_frontier, _next) = (_next, _frontier);
            fCount = nCount;
        }
    }

    /// <summary>Groups the frontier's events by edge set; returns the number of sets with lanes to evaluate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private int Gather(int fCount, int r, int stamp)
    {
        var setCount = 0;
        var entryCount = 0;
        for (var i = 0; i < fCount; i++)
        {
            ref var el = ref _events[_frontier[i]];
            var active = el.Next;
            el.Next = T.Zero;
            ref var sl = ref _sets[el.Set];
            if (sl.Stamp != stamp) { sl.Stamp = stamp; sl.Done = T.Zero; sl.RoundNumber = 0; }
            if (sl.RoundNumber != r) { sl.RoundNumber = r; sl.Round = T.Zero; sl.Head = -1; }
            // Lanes in which the set has nothing left to do, or is already evaluated in this round by an event with a
            // smaller key (frontier order is key order within each lane), skip the event: within a round no state goes
            // to war, so a second event with the same set would find each obligation acted on, its obligor at war or
            // its beneficiary not.
            active = T.AndNot(active, sl.Done | sl.Round);
            if (active.IsZero) continue;
            if (sl.Round.IsZero)
            {
                if (setCount == _roundSets.Length) Array.Resize(ref _roundSets, setCount * 2);
                _roundSets[setCount++] = el.Set;
            }
            sl.Round |= active;
            if (entryCount == _entries.Length) Array.Resize(ref _entries, entryCount * 2);
            _entries[entryCount] = new Entry { Lanes = active, Key = el.Key, Enemy = el.Attacker, Next = sl.Head };
            sl.Head = entryCount++;
        }
        return setCount;
    }

    /// <summary>Evaluates one edge set for every lane of this round's events with that set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void Walk<THonour>(ref SetLanes sl, bool peacePrevails, ref int candCount, ref int pieceCount, ref int supportCount, ref int logCount,
        ref THonour honour) where THonour : struct, ILaneHonour
    {
        var active = sl.Round;
        var head = sl.Head;
        var single = _entries[head].Next < 0;
        var protectsAggressor = _g.Options.PeaceProtectsAggressor;
        var incomplete = T.Zero;
        // The hot loop indexes through refs: every index comes from the closed graph's own layout (states,
        // obligations, groups and edges it built), so the bounds checks only cost time.
        ref var groupObligor = ref MemoryMarshal.GetArrayDataReference(_l.GroupObligor);
        ref var groupEdgeStart = ref MemoryMarshal.GetArrayDataReference(_l.GroupEdgeStart);
        ref var edges = ref MemoryMarshal.GetArrayDataReference(_l.Edges);
        ref var obligations = ref MemoryMarshal.GetArrayDataReference(_obligations);
        ref var bel = ref MemoryMarshal.GetArrayDataReference(Bel);
        ref var sideA = ref MemoryMarshal.GetArrayDataReference(SideA);
        for (int gi = sl.GroupStart, gEnd = sl.GroupEnd; gi < gEnd; gi++)
        {
            var o = Unsafe.Add(ref groupObligor, gi);
            // Lanes where the obligor is at war ignore all its obligations.
            var live = T.AndNot(active, Unsafe.Add(ref bel, o));
            if (live.IsZero) continue;
            var candidate = T.Zero;
            for (int k = Unsafe.Add(ref groupEdgeStart, gi), kEnd = Unsafe.Add(ref groupEdgeStart, gi + 1); k < kEnd; k++)
            {
                var e = Unsafe.Add(ref edges, k);
                var c = e.Obligation;
                var m = T.AndNot(live, Unsafe.Add(ref obligations, c).Seen);
                if (m.IsZero) continue;
                var b = e.Beneficiary;
                var bb = Unsafe.Add(ref bel, b);
                incomplete |= T.AndNot(m, bb);
                m &= bb;
                if (m.IsZero) continue;
                if (logCount == _seenLog.Length) Array.Resize(ref _seenLog, logCount * 2);
                _seenLog[logCount++] = new SeenLog(c, m);
                switch (e.Effect)
                {
                    case CascadeEffect.StayOut:
                        {
                            // Under fight-prevails a stay-out promise decides no role: it is not drawn.
                            if (!peacePrevails) continue;
                            if (!protectsAggressor && _initialAttacker[b]) continue;
                            var h = HonouredFor(c, b, m, ref honour);
                            if (h.IsZero) continue;
                            var sa = Unsafe.Add(ref sideA, b);
                            // Promised to stay out of a war against the beneficiary: barred from the other side.
                            _blockedD[o] |= h & sa;
                            _blockedA[o] |= h & ~sa;
                            continue;
                        }
                    case CascadeEffect.Support:
                        {
                            var h = T.AndNot(m, Sup[o] | Kept[o]);
                            if (h.IsZero) continue;
                            if (supportCount == _support.Length) Array.Resize(ref _support, supportCount * 2);
                            _support[supportCount++] = new PendingSupport(c, o, b, h);
                            continue;
                        }
                    case CascadeEffect.Consult:
                        // Talks, not a role: nothing to draw.
                        continue;
                    default:
                        {
                            var h = HonouredFor(c, b, m, ref honour);
                            if (h.IsZero) continue;
                            ref var ca = ref _candA[o];
                            ref var cd = ref _candD[o];
                            if ((ca | cd).IsZero) _cands[candCount++] = o;
                            var sa = Unsafe.Add(ref sideA, b);
                            ca |= h & sa;
                            cd |= T.AndNot(h, sa);
                            candidate |= h;
                            continue;
                        }
                }
            }
            if (candidate.IsZero) continue;
            // Each lane's candidacy carries the key and aggressor of that lane's event: one piece per event for all
            // of the obligor's obligations in the set.
            if (single)
            {
                ref readonly var en = ref _entries[head];
                AddPiece(ref pieceCount, o, en.Key, en.Enemy, candidate);
                continue;
            }
            for (var x = head; !candidate.IsZero; x = _entries[x].Next)
            {
                ref readonly var en = ref _entries[x];
                var l = candidate & en.Lanes;
                if (l.IsZero) continue;
                AddPiece(ref pieceCount, o, en.Key, en.Enemy, l);
                candidate = T.AndNot(candidate, l);
            }
        }
        sl.Done |= T.AndNot(active, incomplete);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void AddPiece(ref int count, int o, int key, int enemy, T lanes)
    {
        if (count == _pieces.Length) Array.Resize(ref _pieces, count * 2);
        _pieces[count] = new Piece { Lanes = lanes, Key = key, Enemy = enemy, Next = _pieceHead[o] };
        _pieceHead[o] = count++;
    }

    /// <summary>
    /// The joining, in state order as the scalar kernel does (a joiner's side counts for the stay-out promises of the
    /// states after it). Returns the number of events pushed for the next round.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private int Join<THonour>(int candCount, bool peacePrevails, bool skipDone, ref THonour honour) where THonour : struct, ILaneHonour
    {
        var protectsAggressor = _g.Options.PeaceProtectsAggressor;
        _cands.AsSpan(0, candCount).Sort();
        var pushCount = 0;
        for (var i = 0; i < candCount; i++)
        {
            var o = _cands[i];
            var ca = _candA[o];
            var cd = _candD[o];
            _candA[o] = _candD[o] = T.Zero;
            var cross = ca & cd;
            var ja = ca & ~cd;
            var jd = cd & ~ca;
            var keep = cross;
            if (peacePrevails)
            {
                var ba = ja & (_blockedA[o] | PeaceBlock(o, ja, true, protectsAggressor, ref honour));
                var bd = jd & (_blockedD[o] | PeaceBlock(o, jd, false, protectsAggressor, ref honour));
                keep |= ba | bd;
                ja &= ~ba;
                jd &= ~bd;
            }
            // Fight-prevails joins regardless; the breach only matters to deterministic runs.
            if (!keep.IsZero)
            {
                Kept[o] |= keep;
                Sup[o] &= ~keep;
            }
            var join = ja | jd;
            if (!join.IsZero)
            {
                Bel[o] |= join;
                Sup[o] &= ~join;
                Kept[o] &= ~join;
                SideA[o] = (SideA[o] & ~join) | ja;
                PushDerived(o, join, ref pushCount);
            }
            _pieceHead[o] = -1;
        }
        // The derived events are scattered over a large table: looking them all up first lets their cache misses
        // overlap instead of each waiting for the one before.
        var pushes = _pushes.AsSpan(0, pushCount);
        var derived = _l.Derived;
        foreach (ref var p in pushes) p.Event = derived[p.Event];
        var nCount = 0;
        foreach (ref var p in pushes)
        {
            if (p.Event < 0) continue;
            var lanes = p.Lanes;
            if (skipDone)
            {
                // A set's done lanes stay done for the run: the event would do nothing there.
                ref readonly var sl = ref _sets[_l.SlotSet[p.Event]];
                if (sl.Stamp == _stamp) lanes = T.AndNot(lanes, sl.Done);
                if (lanes.IsZero) continue;
            }
            Push(ref _next, ref nCount, p.Event, lanes, p.Key);
        }
        return nCount;
    }

    /// <summary>Pushes the events of joiner <paramref name="o"/>, in each lane against the aggressor of its candidacy with the smallest key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void PushDerived(int o, T join, ref int pushCount)
    {
        // Usually the pieces do not overlap (one set made the state a candidate, its events' lanes are disjoint):
        // then each lane has a single candidacy and no ordering is needed.
        var union = T.Zero;
        var overlap = false;
        for (var p = _pieceHead[o]; p >= 0 && !overlap; p = _pieces[p].Next)
        {
            var lanes = _pieces[p].Lanes & join;
            overlap = !(lanes & union).IsZero;
            union |= lanes;
        }
        if (!overlap)
        {
            for (var p = _pieceHead[o]; p >= 0; p = _pieces[p].Next)
            {
                var lanes = _pieces[p].Lanes & join;
                if (lanes.IsZero) continue;
                var enemy = _pieces[p].Enemy;
                AddPush(ref pushCount, 2 * (o * _n + enemy), lanes, 2 * o);
                AddPush(ref pushCount, 2 * (o * _n + enemy) + 1, lanes, 2 * o + 1);
            }
            return;
        }
        var count = 0;
        for (var p = _pieceHead[o]; p >= 0; p = _pieces[p].Next)
        {
            if ((_pieces[p].Lanes & join).IsZero) continue;
            if (count == _sorted.Length) Array.Resize(ref _sorted, count * 2);
            // Insertion by key; pieces of one state in one round are few.
            var piece = _pieces[p];
            var at = count++;
            while (at > 0 && _sorted[at - 1].Key > piece.Key)
            {
                _sorted[at] = _sorted[at - 1];
                at--;
            }
            _sorted[at] = piece;
        }
        var rest = join;
        for (var i = 0; i < count && !rest.IsZero; i++)
        {
            var lanes = _sorted[i].Lanes & rest;
            if (lanes.IsZero) continue;
            rest = T.AndNot(rest, lanes);
            var enemy = _sorted[i].Enemy;
            AddPush(ref pushCount, 2 * (o * _n + enemy), lanes, 2 * o);
            AddPush(ref pushCount, 2 * (o * _n + enemy) + 1, lanes, 2 * o + 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void AddPush(ref int count, int derivedIndex, T lanes, int key)
    {
        if (count == _pushes.Length) Array.Resize(ref _pushes, count * 2);
        _pushes[count++] = new PendingPush { Lanes = lanes, Event = derivedIndex, Key = key };
    }

    /// <summary>
    /// The support promises met in this round. A state that joined a side or was kept out in the round is no
    /// supporter there whatever it was promised, so its support promises are not drawn; elsewhere any honoured
    /// promise makes it a supporter (supporters' sides are not tracked, so the order does not matter).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void SupportAfterJoining<THonour>(int count, ref THonour honour) where THonour : struct, ILaneHonour
    {
        foreach (var (c, o, b, lanes) in _support.AsSpan(0, count))
        {
            var l = T.AndNot(lanes, Bel[o] | Kept[o] | Sup[o]);
            if (l.IsZero) continue;
            Sup[o] |= HonouredFor(c, b, l, ref honour);
        }
    }

    /// <summary>Lanes among <paramref name="lanes"/> where a standing non-aggression promise of <paramref name="o"/> towards a belligerent of the other side is honoured.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private T PeaceBlock<THonour>(int o, T lanes, bool joinsAttacker, bool protectsAggressor, ref THonour honour) where THonour : struct, ILaneHonour
    {
        if (lanes.IsZero) return T.Zero;
        var blocked = T.Zero;
        var beneficiary = _g.BeneficiaryOf;
        foreach (var c in _g.PeaceObligationsOf(o))
        {
            var x = beneficiary[c];
            if (!protectsAggressor && _initialAttacker[x]) continue;
            var m = lanes & ~blocked & Bel[x] & (joinsAttacker ? ~SideA[x] : SideA[x]);
            if (m.IsZero) continue;
            // x fights on the side the joiner would fight against.
            var lane = _l.LaneId[c];
            var decision = _decisionA is null ? lane : joinsAttacker ? _decisionD![lane] : _decisionA[lane];
            blocked |= m & Honoured(decision, ref honour);
        }
        return blocked;
    }

    /// <summary>
    /// The lanes among <paramref name="lanes"/> that honour obligation <paramref name="c"/> (a lane id) towards
    /// beneficiary <paramref name="b"/>, a belligerent there: the decision of each lane's side of b.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T HonouredFor<THonour>(int c, int b, T lanes, ref THonour honour) where THonour : struct, ILaneHonour
    {
        if (_decisionA is null) return lanes & Honoured(c, ref honour);
        var sa = SideA[b];
        var h = T.Zero;
        // Only the sides b is on in these lanes are drawn.
        var onA = lanes & sa;
        if (!onA.IsZero) h = onA & Honoured(_decisionA[c], ref honour);
        var onD = T.AndNot(lanes, sa);
        if (!onD.IsZero) h |= onD & Honoured(_decisionD![c], ref honour);
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Honoured<THonour>(int decision, ref THonour honour) where THonour : struct, ILaneHonour
    {
        // Decision ids come from the closed graph's layout or its decisions. Every lane is drawn at the decision's
        // first use in the run.
        ref var stamp = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_drawStamp), decision);
        ref var honoured = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_obligations), decision).Honoured;
        if (stamp != _stamp)
        {
            stamp = _stamp;
            honoured = honour.Mask<T>(decision);
        }
        return honoured;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void AddSeen(int c)
    {
        if (_seenCount == _seenList.Length) Array.Resize(ref _seenList, _seenCount * 2);
        _seenList[_seenCount++] = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void Push(ref int[] buffer, ref int count, int ev, T lanes, int key)
    {
        if (ev < 0) return;
        ref var el = ref _events[ev];
        if (el.Stamp != _stamp)
        {
            el.Stamp = _stamp;
            el.Pushed = T.Zero;
            el.Next = T.Zero;
        }
        // Each event is evaluated at most once per lane and run.
        var fresh = T.AndNot(lanes, el.Pushed);
        if (fresh.IsZero) return;
        el.Pushed |= fresh;
        el.Key = key;
        if (el.Next.IsZero)
        {
            if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            buffer[count++] = ev;
        }
        el.Next |= fresh;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void Enter(int s, bool attacker)
    {
        Bel[s] = T.All;
        SideA[s] = attacker ? T.All : T.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see Run
    private void Reset()
    {
        Array.Clear(Bel);
        Array.Clear(Sup);
        Array.Clear(Kept);
        Array.Clear(SideA);
        Array.Clear(_blockedA);
        Array.Clear(_blockedD);
        Array.Clear(_initialAttacker);
        Array.Fill(_pieceHead, -1);
        Capped = T.Zero;
        foreach (var c in _seenList.AsSpan(0, _seenCount)) _obligations[c].Seen = T.Zero;
        _seenCount = 0;
        if (++_stamp == int.MaxValue)
        {
            foreach (ref var el in _events.AsSpan()) el.Stamp = 0;
            foreach (ref var sl in _sets.AsSpan()) sl.Stamp = 0;
            Array.Clear(_drawStamp);
            _stamp = 1;
        }
    }
}
