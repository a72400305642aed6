using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: InternalsVisibleTo("Pacta.Tests")]

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// Which lanes (trials) honour a commitment, named by its lane id (<see cref="LaneLayout.LaneId"/>: the kernel's
/// per-commitment data is in that order, and a source indexed the same way is read next to it). Asked only for lanes
/// not asked about before in the run, so a source may draw lazily; bits outside <c>lanes</c> are ignored.
/// </summary>
internal interface ILaneHonour
{
    ulong Mask(int commitment, ulong lanes);
}

/// <summary>
/// Bernoulli draws with probability k / 2^16 per lane. Few lanes: one 16-bit uniform u per lane, honoured when
/// u &lt; k. Many lanes: all 64 at once from the bits of k, least significant first, <c>m = bit ? m | r : m &amp; r</c>
/// with a fresh random word r, which leaves each bit of m set with probability exactly k / 2^16 independently.
/// Either way every lane gets its own independent draw; p = 0 and p = 1 need none.
/// Numerators are indexed by lane id.
/// </summary>
internal struct BernoulliLanes(int[] numerators) : ILaneHonour
{
    public const int Bits = 16;
    public const int One = 1 << Bits;

    private readonly int[] _numerators = numerators;
    private Xoshiro _rng;
    private ulong _word;
    private int _chunks;

    /// <summary>The generator; setting it also drops uniforms left over from the previous one, so a block depends on its own seed only.</summary>
    public Xoshiro Rng
    {
        readonly get => _rng;
        set { _rng = value; _chunks = 0; }
    }

    /// <summary>p rounded to the nearest multiple of 2^-16.</summary>
    public static int Numerator(double p) => (int)Math.Clamp(Math.Round(p * One, MidpointRounding.AwayFromZero), 0, One);

    public ulong Mask(int commitment, ulong lanes)
    {
        var k = _numerators[commitment];
        if (k <= 0) return 0;
        if (k >= One) return ulong.MaxValue;
        var tz = BitOperations.TrailingZeroCount(k);
        var m = 0UL;
        if (BitOperations.PopCount(lanes) <= 2 * (Bits - tz))
        {
            // The word in use lives in locals; the outcome is a mask, not a branch (each draw is a coin flip to the
            // branch predictor).
            var word = _word;
            var chunks = _chunks;
            for (var rest = lanes; rest != 0; rest &= rest - 1)
            {
                // Four 16-bit uniforms per random word.
                if (chunks == 0) { word = _rng.Next(); chunks = 4; }
                var u = (int)(word & 0xFFFF);
                word >>= 16;
                chunks--;
                // All ones when u < k.
                m |= rest & (0 - rest) & (ulong)((long)(u - k) >> 63);
            }
            _word = word;
            _chunks = chunks;
            return m;
        }
        k >>= tz;
        for (var i = tz; i < Bits; i++, k >>= 1)
            m = (k & 1) != 0 ? m | _rng.Next() : m & _rng.Next();
        return m;
    }
}

/// <summary>
/// The cascade of <see cref="CascadeKernel"/> for 64 trials at once, one bit per trial ("lane") in every mask.
/// Rounds are shared by all lanes; within a round events are taken in one order that contains each lane's own order
/// (round 1: the initial events; later: events pushed by joiners in state order, each joiner's counter-attack before
/// its war involvement — a derived event has a single possible pusher, its joiner), so each lane sees the same
/// sequence of commitments and candidacies as a scalar run with that lane's draws. Only roles and sides are
/// computed: paths, rounds and breaches stay with the scalar kernel.
/// </summary>
internal sealed class LaneKernel
{
    private readonly CascadeGraph _g;
    private readonly LaneLayout _l;
    private readonly int _n;

    // Per state: the role masks are disjoint; a side is kept as two masks because a supporter that is later kept
    // out keeps its side, and a state that never took a side has neither.
    public readonly ulong[] Bel;
    public readonly ulong[] Sup;
    public readonly ulong[] Kept;
    public readonly ulong[] SideA;
    public readonly ulong[] SideD;
    public readonly ulong[] Touched;
    private readonly ulong[] _blockedA;
    private readonly ulong[] _blockedD;
    private readonly ulong[] _candA;
    private readonly ulong[] _candD;
    private readonly int[] _pieceHead;
    private readonly bool[] _initialAttacker;
    private readonly int[] _cands;

    // First candidacies of this round: (edge, lanes), chained per state.
    private int[] _pieceEdge = new int[256];
    private ulong[] _pieceLanes = new ulong[256];
    private int[] _pieceNext = new int[256];

    // Per event and per edge set: lane masks valid only when their stamp is the current run's, so a run starts
    // without clearing arrays of the graph's size. Per commitment, seen (read for every edge) and the draws are
    // dense arrays of their own, cleared through the lists of commitments set in the run.
    private readonly ulong[] _seen;
    private int[] _seenList = new int[256];
    private int _seenCount;
    private readonly Draw[] _draws;
    private int[] _drawList = new int[256];
    private int _drawCount;
    private readonly EventLanes[] _events;
    private readonly SetLanes[] _sets;
    private int[] _frontier = new int[64];
    private int[] _next = new int[64];
    private int _stamp;

    /// <summary>16 bytes without a stamp (the array is read once per draw call and outgrows L2 at 24); cleared through <see cref="_drawList"/>.</summary>
    private struct Draw
    {
        public ulong Honoured;
        public ulong Drawn;
    }

    /// <summary>An event's lane masks with its read-only data, one cache line's half, as events are met in random order.</summary>
    private struct EventLanes
    {
        /// <summary>Lanes in which the event was pushed in this run (each evaluates it once).</summary>
        public ulong Pushed;
        /// <summary>Lanes that evaluate it in the coming round.</summary>
        public ulong Next;
        public int Stamp;
        public int Set;
        public int GroupStart;
        public int GroupEnd;
    }

    private struct SetLanes
    {
        public ulong Done;
        public int Stamp;
    }

    public LaneKernel(CascadeGraph g)
    {
        if (!g.Closed) throw new InvalidOperationException("the lane kernel needs a closed graph");
        _g = g;
        _l = g.Lanes;
        _n = g.StateCount;
        Bel = new ulong[_n];
        Sup = new ulong[_n];
        Kept = new ulong[_n];
        SideA = new ulong[_n];
        SideD = new ulong[_n];
        Touched = new ulong[_n];
        _blockedA = new ulong[_n];
        _blockedD = new ulong[_n];
        _candA = new ulong[_n];
        _candD = new ulong[_n];
        _pieceHead = new int[_n];
        _initialAttacker = new bool[_n];
        _cands = new int[_n];
        _seen = new ulong[g.CommitmentCount];
        _draws = new Draw[g.CommitmentCount];
        _events = new EventLanes[g.EventCount];
        for (var ev = 0; ev < _events.Length; ev++)
        {
            _events[ev].Set = g.EdgeSetOf[ev];
            _events[ev].GroupStart = _l.GroupStart[ev];
            _events[ev].GroupEnd = _l.GroupStart[ev + 1];
        }
        _sets = new SetLanes[g.EdgeSetCount];
    }

    /// <summary>Lanes whose cascade reached <see cref="CascadeOptions.MaxRounds"/> with events still to evaluate.</summary>
    public ulong Capped { get; private set; }

    public CascadeRole RoleOf(int s, int lane) =>
        ((Bel[s] >> lane) & 1) != 0 ? CascadeRole.Belligerent
        : ((Kept[s] >> lane) & 1) != 0 ? CascadeRole.KeptOut
        : ((Sup[s] >> lane) & 1) != 0 ? CascadeRole.Supporter
        : CascadeRole.Outside;

    public CascadeSide SideOf(int s, int lane) =>
        ((SideA[s] >> lane) & 1) != 0 ? CascadeSide.Attacker : ((SideD[s] >> lane) & 1) != 0 ? CascadeSide.Defender : CascadeSide.None;

    public void Run<T>(ReadOnlySpan<int> attackers, ReadOnlySpan<int> targets, ReadOnlySpan<int> initialEvents, ref T honour) where T : struct, ILaneHonour
    {
        Reset();
        foreach (var a in attackers) Enter(a, true);
        foreach (var t in targets) Enter(t, false);
        foreach (var a in attackers) _initialAttacker[a] = SideA[a] != 0;
        var fCount = 0;
        foreach (var ev in initialEvents) Push(ref _frontier, ref fCount, ev, ulong.MaxValue);

        var options = _g.Options;
        var protectsAggressor = options.PeaceProtectsAggressor;
        var peacePrevails = options.Conflicts == PromiseConflict.PeacePrevails;
        // The hot loop indexes through refs: every index comes from the closed graph's own layout (states,
        // commitments, groups and edges it built), so the bounds checks only cost time.
        ref var groupObligor = ref MemoryMarshal.GetArrayDataReference(_l.GroupObligor);
        ref var groupEdgeStart = ref MemoryMarshal.GetArrayDataReference(_l.GroupEdgeStart);
        ref var edges = ref MemoryMarshal.GetArrayDataReference(_l.Edges);
        ref var seen = ref MemoryMarshal.GetArrayDataReference(_seen);
        ref var bel = ref MemoryMarshal.GetArrayDataReference(Bel);
        ref var sup = ref MemoryMarshal.GetArrayDataReference(Sup);
        ref var kept = ref MemoryMarshal.GetArrayDataReference(Kept);
        ref var sideA = ref MemoryMarshal.GetArrayDataReference(SideA);
        ref var sideD = ref MemoryMarshal.GetArrayDataReference(SideD);
        ref var touched = ref MemoryMarshal.GetArrayDataReference(Touched);
        ref var blockedA = ref MemoryMarshal.GetArrayDataReference(_blockedA);
        ref var blockedD = ref MemoryMarshal.GetArrayDataReference(_blockedD);
        ref var candA = ref MemoryMarshal.GetArrayDataReference(_candA);
        ref var candD = ref MemoryMarshal.GetArrayDataReference(_candD);
        ref var initialAttacker = ref MemoryMarshal.GetArrayDataReference(_initialAttacker);
        ref var pieceHead = ref MemoryMarshal.GetArrayDataReference(_pieceHead);
        var stamp = _stamp;
        for (var r = 1; fCount > 0; r++)
        {
            if (r > options.MaxRounds)
            {
                var capped = 0UL;
                foreach (var ev in _frontier.AsSpan(0, fCount)) capped |= _events[ev].Next;
                Capped = capped;
                break;
            }
            var candCount = 0;
            var pieceCount = 0;
            for (var i = 0; i < fCount; i++)
            {
                ref var el = ref _events[_frontier[i]];
                var active = el.Next;
                el.Next = 0;
                // Lanes in which every commitment of this edge set was already acted on skip the event whole.
                var set = el.Set;
                if (set >= 0)
                {
                    ref var sl = ref _sets[set];
                    if (sl.Stamp != stamp) { sl.Stamp = stamp; sl.Done = 0; }
                    active &= ~sl.Done;
                }
                if (active == 0) continue;
                var incomplete = 0UL;
                for (int gi = el.GroupStart, gEnd = el.GroupEnd; gi < gEnd; gi++)
                {
                    var o = Unsafe.Add(ref groupObligor, gi);
                    // Lanes where the obligor is at war ignore all its commitments.
                    var live = active & ~Unsafe.Add(ref bel, o);
                    if (live == 0) continue;
                    for (int k = Unsafe.Add(ref groupEdgeStart, gi), kEnd = Unsafe.Add(ref groupEdgeStart, gi + 1); k < kEnd; k++)
                    {
                        var e = Unsafe.Add(ref edges, k);
                        var c = e.Commitment;
                        ref var sc = ref Unsafe.Add(ref seen, c);
                        var seenBefore = sc;
                        var m = live & ~seenBefore;
                        if (m == 0) continue;
                        var b = e.Beneficiary;
                        var bb = Unsafe.Add(ref bel, b);
                        incomplete |= m & ~bb;
                        m &= bb;
                        if (m == 0) continue;
                        if (seenBefore == 0) AddSeen(c);
                        sc = seenBefore | m;
                        switch (e.Effect)
                        {
                            case CascadeEffect.StayOut:
                                {
                                    if (!protectsAggressor && Unsafe.Add(ref initialAttacker, b)) continue;
                                    var h = m & Honoured(c, m, ref honour);
                                    if (h == 0) continue;
                                    Unsafe.Add(ref touched, o) |= h;
                                    var sa = Unsafe.Add(ref sideA, b);
                                    // Promised to stay out of a war against the beneficiary: barred from the other side.
                                    Unsafe.Add(ref blockedD, o) |= h & sa;
                                    Unsafe.Add(ref blockedA, o) |= h & ~sa;
                                    continue;
                                }
                            case CascadeEffect.Support:
                                {
                                    ref var so = ref Unsafe.Add(ref sup, o);
                                    var h = m & ~(so | Unsafe.Add(ref kept, o));
                                    if (h == 0) continue;
                                    h &= Honoured(c, h, ref honour);
                                    if (h == 0) continue;
                                    Unsafe.Add(ref touched, o) |= h;
                                    so |= h;
                                    var sa = Unsafe.Add(ref sideA, b);
                                    ref var ao = ref Unsafe.Add(ref sideA, o);
                                    ref var dO = ref Unsafe.Add(ref sideD, o);
                                    ao = (ao & ~h) | (h & sa);
                                    dO = (dO & ~h) | (h & ~sa);
                                    continue;
                                }
                            default:
                                {
                                    var h = m & Honoured(c, m, ref honour);
                                    if (h == 0) continue;
                                    Unsafe.Add(ref touched, o) |= h;
                                    ref var ca = ref Unsafe.Add(ref candA, o);
                                    ref var cd = ref Unsafe.Add(ref candD, o);
                                    var before = ca | cd;
                                    if (before == 0) _cands[candCount++] = o;
                                    var sa = Unsafe.Add(ref sideA, b);
                                    ca |= h & sa;
                                    cd |= h & ~sa;
                                    // The first candidacy in a lane decides whom the joiner attacks there.
                                    var first = h & ~before;
                                    if (first != 0)
                                    {
                                        if (pieceCount == _pieceEdge.Length) GrowPieces();
                                        ref var head = ref Unsafe.Add(ref pieceHead, o);
                                        _pieceEdge[pieceCount] = k;
                                        _pieceLanes[pieceCount] = first;
                                        _pieceNext[pieceCount] = head;
                                        head = pieceCount++;
                                    }
                                    continue;
                                }
                        }
                    }
                }
                if (set >= 0) _sets[set].Done |= active & ~incomplete;
            }

            // Joining in state order, as the scalar kernel does: a joiner's side counts for the stay-out promises of
            // the states after it.
            _cands.AsSpan(0, candCount).Sort();
            var nCount = 0;
            for (var i = 0; i < candCount; i++)
            {
                var o = _cands[i];
                var ca = _candA[o];
                var cd = _candD[o];
                _candA[o] = _candD[o] = 0;
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
                if (keep != 0)
                {
                    Kept[o] |= keep;
                    Sup[o] &= ~keep;
                }
                var join = ja | jd;
                if (join != 0)
                {
                    Bel[o] |= join;
                    Sup[o] &= ~join;
                    Kept[o] &= ~join;
                    SideA[o] = (SideA[o] & ~join) | ja;
                    SideD[o] = (SideD[o] & ~join) | jd;
                    for (var p = _pieceHead[o]; p >= 0; p = _pieceNext[p])
                    {
                        var lanes = _pieceLanes[p] & join;
                        if (lanes == 0) continue;
                        Push(ref _next, ref nCount, _l.Attack[_pieceEdge[p]], lanes);
                        Push(ref _next, ref nCount, _l.Involvement[_pieceEdge[p]], lanes);
                    }
                }
                _pieceHead[o] = -1;
            }
            (_frontier, _next) = (_next, _frontier);
            fCount = nCount;
        }
    }

    /// <summary>Lanes among <paramref name="lanes"/> where a standing non-aggression promise of <paramref name="o"/> towards a belligerent of the other side is honoured.</summary>
    private ulong PeaceBlock<T>(int o, ulong lanes, bool joinsAttacker, bool protectsAggressor, ref T honour) where T : struct, ILaneHonour
    {
        if (lanes == 0) return 0;
        var blocked = 0UL;
        var beneficiary = _g.BeneficiaryOf;
        foreach (var c in _g.PeacePromisesOf(o))
        {
            var x = beneficiary[c];
            if (!protectsAggressor && _initialAttacker[x]) continue;
            var m = lanes & ~blocked & Bel[x] & (joinsAttacker ? SideD[x] : SideA[x]);
            if (m == 0) continue;
            blocked |= m & Honoured(_l.LaneId[c], m, ref honour);
        }
        return blocked;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Honoured<T>(int laneId, ulong lanes, ref T honour) where T : struct, ILaneHonour
    {
        // Lane ids come from the closed graph's layout.
        ref var d = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_draws), laneId);
        // Each lane's draw is made once, when the lane first needs it.
        var missing = lanes & ~d.Drawn;
        if (missing != 0)
        {
            if (d.Drawn == 0) AddDrawn(laneId);
            d.Honoured |= honour.Mask(laneId, missing) & missing;
            d.Drawn |= missing;
        }
        return d.Honoured;
    }

    private void AddDrawn(int c)
    {
        if (_drawCount == _drawList.Length) Array.Resize(ref _drawList, _drawCount * 2);
        _drawList[_drawCount++] = c;
    }

    private void AddSeen(int c)
    {
        if (_seenCount == _seenList.Length) Array.Resize(ref _seenList, _seenCount * 2);
        _seenList[_seenCount++] = c;
    }

    private void Push(ref int[] buffer, ref int count, int ev, ulong lanes)
    {
        if (ev < 0) return;
        ref var el = ref _events[ev];
        if (el.Stamp != _stamp)
        {
            el.Stamp = _stamp;
            el.Pushed = 0;
            el.Next = 0;
        }
        // Each event is evaluated at most once per lane and run.
        var fresh = lanes & ~el.Pushed;
        if (fresh == 0) return;
        el.Pushed |= fresh;
        if (el.Next == 0)
        {
            if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            buffer[count++] = ev;
        }
        el.Next |= fresh;
    }

    private void GrowPieces()
    {
        var size = _pieceEdge.Length * 2;
        Array.Resize(ref _pieceEdge, size);
        Array.Resize(ref _pieceLanes, size);
        Array.Resize(ref _pieceNext, size);
    }

    private void Enter(int s, bool attacker)
    {
        Touched[s] = ulong.MaxValue;
        Bel[s] = ulong.MaxValue;
        SideA[s] = attacker ? ulong.MaxValue : 0;
        SideD[s] = attacker ? 0 : ulong.MaxValue;
    }

    private void Reset()
    {
        Array.Clear(Bel);
        Array.Clear(Sup);
        Array.Clear(Kept);
        Array.Clear(SideA);
        Array.Clear(SideD);
        Array.Clear(Touched);
        Array.Clear(_blockedA);
        Array.Clear(_blockedD);
        Array.Clear(_candA);
        Array.Clear(_candD);
        Array.Clear(_initialAttacker);
        Array.Fill(_pieceHead, -1);
        Capped = 0;
        foreach (var c in _seenList.AsSpan(0, _seenCount)) _seen[c] = 0;
        _seenCount = 0;
        foreach (var c in _drawList.AsSpan(0, _drawCount)) _draws[c] = default;
        _drawCount = 0;
        if (++_stamp == int.MaxValue)
        {
            foreach (ref var el in _events.AsSpan()) el.Stamp = 0;
            Array.Clear(_sets);
            _stamp = 1;
        }
    }
}
