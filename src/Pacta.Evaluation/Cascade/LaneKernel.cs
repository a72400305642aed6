using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: InternalsVisibleTo("Pacta.Tests")]
[assembly: InternalsVisibleTo("Pacta.Bench.Cascade")]

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
/// Rounds are shared by all lanes. Within a round the scalar kernel takes events in one order; each event here has
/// a key that gives its place in that order (round 1: the initial events in turn; later rounds: by the joiner that
/// pushed it, its counter-attack before its war involvement: a derived event has a single possible pusher). Nothing
/// that changes within a round depends on that order except whom a joiner attacks, the aggressor of the first event
/// that made it a candidate, so the kernel takes the events of a round grouped by edge set, walks each set once for
/// all lanes of its events, and at the joining gives each lane the candidacy with the smallest key. Only roles and
/// the sides of belligerents are computed: paths, rounds and breaches stay with the scalar kernel.
/// </summary>
internal sealed class LaneKernel
{
    private readonly CascadeGraph _g;
    private readonly LaneLayout _l;
    private readonly int _n;

    // Per state: the role masks are disjoint; SideA marks the lanes where a belligerent is on the attacker's side.
    public readonly ulong[] Bel;
    public readonly ulong[] Sup;
    public readonly ulong[] Kept;
    public readonly ulong[] SideA;
    private readonly ulong[] _blockedA;
    private readonly ulong[] _blockedD;
    private readonly ulong[] _candA;
    private readonly ulong[] _candD;
    private readonly int[] _pieceHead;
    private readonly bool[] _initialAttacker;
    private readonly int[] _cands;

    // Candidacies of this round: (key, enemy, lanes), chained per state.
    private Piece[] _pieces = new Piece[256];
    private Piece[] _sorted = new Piece[16];

    // Support promises met in this round, decided after the joining.
    private PendingSupport[] _support = new PendingSupport[256];

    // This round's events grouped by edge set: the sets in order of appearance, and per set a chain of its events
    // with the lanes each evaluates (disjoint: a lane evaluates a set once per round).
    private int[] _roundSets = new int[64];
    private Entry[] _entries = new Entry[64];

    // Commitments acted on in this round; they count as seen from the next round on.
    private SeenLog[] _seenLog = new SeenLog[256];

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
        public int Aggressor;
        /// <summary>Its place in the scalar kernel's order within its round.</summary>
        public int Key;
    }

    /// <summary>An edge set's lane masks with its groups, one cache line's half.</summary>
    private struct SetLanes
    {
        /// <summary>Lanes in which every commitment of the set was acted on: nothing is left to do there in the run.</summary>
        public ulong Done;
        /// <summary>Lanes that evaluate the set in the current round.</summary>
        public ulong Round;
        public int Stamp;
        public int RoundNumber;
        public int GroupStart;
        public int GroupEnd;
        /// <summary>The first of this round's events with this set (an index into the entries), or -1.</summary>
        public int Head;
    }

    private struct Entry
    {
        public ulong Lanes;
        public int Key;
        public int Enemy;
        public int Next;
    }

    private struct Piece
    {
        public ulong Lanes;
        public int Key;
        public int Enemy;
        public int Next;
    }

    private readonly record struct PendingSupport(int Commitment, int Obligor, ulong Lanes);

    private readonly record struct SeenLog(int Commitment, ulong Lanes);

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
            _events[ev].Aggressor = g.AggressorOf[ev];
        }
        _sets = new SetLanes[g.EdgeSetCount];
        for (var set = 0; set < _sets.Length; set++)
        {
            _sets[set].GroupStart = _l.SetGroupStart[set];
            _sets[set].GroupEnd = _l.SetGroupStart[set + 1];
        }
    }

    /// <summary>Lanes whose cascade reached <see cref="CascadeOptions.MaxRounds"/> with events still to evaluate.</summary>
    public ulong Capped { get; private set; }

    public CascadeRole RoleOf(int s, int lane) =>
        ((Bel[s] >> lane) & 1) != 0 ? CascadeRole.Belligerent
        : ((Kept[s] >> lane) & 1) != 0 ? CascadeRole.KeptOut
        : ((Sup[s] >> lane) & 1) != 0 ? CascadeRole.Supporter
        : CascadeRole.Outside;

    /// <summary>The side of a belligerent; <see cref="CascadeSide.None"/> for any other role (not tracked here).</summary>
    public CascadeSide SideOf(int s, int lane) =>
        ((Bel[s] >> lane) & 1) == 0 ? CascadeSide.None : ((SideA[s] >> lane) & 1) != 0 ? CascadeSide.Attacker : CascadeSide.Defender;

    public void Run<T>(ReadOnlySpan<int> attackers, ReadOnlySpan<int> targets, ReadOnlySpan<int> initialEvents, ref T honour) where T : struct, ILaneHonour
    {
        Reset();
        foreach (var a in attackers) Enter(a, true);
        foreach (var t in targets) Enter(t, false);
        foreach (var a in attackers) _initialAttacker[a] = SideA[a] != 0;
        var fCount = 0;
        for (var i = 0; i < initialEvents.Length; i++) Push(ref _frontier, ref fCount, initialEvents[i], ulong.MaxValue, i);

        var options = _g.Options;
        var peacePrevails = options.Conflicts == PromiseConflict.PeacePrevails;
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
            var setCount = Gather(fCount, r, stamp);
            var candCount = 0;
            var pieceCount = 0;
            var supportCount = 0;
            var logCount = 0;
            for (var i = 0; i < setCount; i++)
                Walk(ref _sets[_roundSets[i]], peacePrevails, ref candCount, ref pieceCount, ref supportCount, ref logCount, ref honour);
            foreach (var (c, m) in _seenLog.AsSpan(0, logCount))
            {
                if (_seen[c] == 0) AddSeen(c);
                _seen[c] |= m;
            }
            var nCount = Join(candCount, peacePrevails, ref honour);
            SupportAfterJoining(supportCount, ref honour);
            (_frontier, _next) = (_next, _frontier);
            fCount = nCount;
        }
    }

    /// <summary>Groups the frontier's events by edge set; returns the number of sets with lanes to evaluate.</summary>
    private int Gather(int fCount, int r, int stamp)
    {
        var setCount = 0;
        var entryCount = 0;
        for (var i = 0; i < fCount; i++)
        {
            ref var el = ref _events[_frontier[i]];
            var active = el.Next;
            el.Next = 0;
            ref var sl = ref _sets[el.Set];
            if (sl.Stamp != stamp) { sl.Stamp = stamp; sl.Done = 0; sl.RoundNumber = 0; }
            if (sl.RoundNumber != r) { sl.RoundNumber = r; sl.Round = 0; sl.Head = -1; }
            // Lanes in which the set has nothing left to do, or is already evaluated in this round by an event with a
            // smaller key (frontier order is key order within each lane), skip the event: within a round no state goes
            // to war, so a second event with the same set would find each commitment acted on, its obligor at war or
            // its beneficiary not.
            active &= ~(sl.Done | sl.Round);
            if (active == 0) continue;
            if (sl.Round == 0)
            {
                if (setCount == _roundSets.Length) Array.Resize(ref _roundSets, setCount * 2);
                _roundSets[setCount++] = el.Set;
            }
            sl.Round |= active;
            if (entryCount == _entries.Length) Array.Resize(ref _entries, entryCount * 2);
            _entries[entryCount] = new Entry { Lanes = active, Key = el.Key, Enemy = el.Aggressor, Next = sl.Head };
            sl.Head = entryCount++;
        }
        return setCount;
    }

    /// <summary>Evaluates one edge set for every lane of this round's events with that set.</summary>
    private void Walk<T>(ref SetLanes sl, bool peacePrevails, ref int candCount, ref int pieceCount, ref int supportCount, ref int logCount,
        ref T honour) where T : struct, ILaneHonour
    {
        var active = sl.Round;
        var head = sl.Head;
        var single = _entries[head].Next < 0;
        var protectsAggressor = _g.Options.PeaceProtectsAggressor;
        var incomplete = 0UL;
        // The hot loop indexes through refs: every index comes from the closed graph's own layout (states,
        // commitments, groups and edges it built), so the bounds checks only cost time.
        ref var groupObligor = ref MemoryMarshal.GetArrayDataReference(_l.GroupObligor);
        ref var groupEdgeStart = ref MemoryMarshal.GetArrayDataReference(_l.GroupEdgeStart);
        ref var edges = ref MemoryMarshal.GetArrayDataReference(_l.Edges);
        ref var seen = ref MemoryMarshal.GetArrayDataReference(_seen);
        ref var bel = ref MemoryMarshal.GetArrayDataReference(Bel);
        ref var sideA = ref MemoryMarshal.GetArrayDataReference(SideA);
        for (int gi = sl.GroupStart, gEnd = sl.GroupEnd; gi < gEnd; gi++)
        {
            var o = Unsafe.Add(ref groupObligor, gi);
            // Lanes where the obligor is at war ignore all its commitments.
            var live = active & ~Unsafe.Add(ref bel, o);
            if (live == 0) continue;
            var candidate = 0UL;
            for (int k = Unsafe.Add(ref groupEdgeStart, gi), kEnd = Unsafe.Add(ref groupEdgeStart, gi + 1); k < kEnd; k++)
            {
                var e = Unsafe.Add(ref edges, k);
                var c = e.Commitment;
                var m = live & ~Unsafe.Add(ref seen, c);
                if (m == 0) continue;
                var b = e.Beneficiary;
                var bb = Unsafe.Add(ref bel, b);
                incomplete |= m & ~bb;
                m &= bb;
                if (m == 0) continue;
                if (logCount == _seenLog.Length) Array.Resize(ref _seenLog, logCount * 2);
                _seenLog[logCount++] = new SeenLog(c, m);
                switch (e.Effect)
                {
                    case CascadeEffect.StayOut:
                        {
                            // Under fight-prevails a stay-out promise decides no role: it is not drawn.
                            if (!peacePrevails) continue;
                            if (!protectsAggressor && _initialAttacker[b]) continue;
                            var h = m & Honoured(c, m, ref honour);
                            if (h == 0) continue;
                            var sa = Unsafe.Add(ref sideA, b);
                            // Promised to stay out of a war against the beneficiary: barred from the other side.
                            _blockedD[o] |= h & sa;
                            _blockedA[o] |= h & ~sa;
                            continue;
                        }
                    case CascadeEffect.Support:
                        {
                            var h = m & ~(Sup[o] | Kept[o]);
                            if (h == 0) continue;
                            if (supportCount == _support.Length) Array.Resize(ref _support, supportCount * 2);
                            _support[supportCount++] = new PendingSupport(c, o, h);
                            continue;
                        }
                    default:
                        {
                            var h = m & Honoured(c, m, ref honour);
                            if (h == 0) continue;
                            ref var ca = ref _candA[o];
                            ref var cd = ref _candD[o];
                            if ((ca | cd) == 0) _cands[candCount++] = o;
                            var sa = Unsafe.Add(ref sideA, b);
                            ca |= h & sa;
                            cd |= h & ~sa;
                            candidate |= h;
                            continue;
                        }
                }
            }
            if (candidate == 0) continue;
            // Each lane's candidacy carries the key and aggressor of that lane's event: one piece per event for all
            // of the obligor's commitments in the set.
            if (single)
            {
                ref readonly var en = ref _entries[head];
                AddPiece(ref pieceCount, o, en.Key, en.Enemy, candidate);
                continue;
            }
            for (var x = head; candidate != 0; x = _entries[x].Next)
            {
                ref readonly var en = ref _entries[x];
                var l = candidate & en.Lanes;
                if (l == 0) continue;
                AddPiece(ref pieceCount, o, en.Key, en.Enemy, l);
                candidate &= ~l;
            }
        }
        sl.Done |= active & ~incomplete;
    }

    private void AddPiece(ref int count, int o, int key, int enemy, ulong lanes)
    {
        if (count == _pieces.Length) Array.Resize(ref _pieces, count * 2);
        _pieces[count] = new Piece { Lanes = lanes, Key = key, Enemy = enemy, Next = _pieceHead[o] };
        _pieceHead[o] = count++;
    }

    /// <summary>
    /// The joining, in state order as the scalar kernel does (a joiner's side counts for the stay-out promises of the
    /// states after it). Returns the number of events pushed for the next round.
    /// </summary>
    private int Join<T>(int candCount, bool peacePrevails, ref T honour) where T : struct, ILaneHonour
    {
        var protectsAggressor = _g.Options.PeaceProtectsAggressor;
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
                PushDerived(o, join, ref nCount);
            }
            _pieceHead[o] = -1;
        }
        return nCount;
    }

    /// <summary>Pushes the events of joiner <paramref name="o"/>, in each lane against the aggressor of its candidacy with the smallest key.</summary>
    private void PushDerived(int o, ulong join, ref int nCount)
    {
        var count = 0;
        for (var p = _pieceHead[o]; p >= 0; p = _pieces[p].Next)
        {
            if ((_pieces[p].Lanes & join) == 0) continue;
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
        for (var i = 0; i < count && rest != 0; i++)
        {
            var lanes = _sorted[i].Lanes & rest;
            if (lanes == 0) continue;
            rest &= ~lanes;
            var enemy = _sorted[i].Enemy;
            Push(ref _next, ref nCount, _l.AttackOf[o * _n + enemy], lanes, 2 * o);
            Push(ref _next, ref nCount, _l.InvolvementOf[enemy * _n + o], lanes, 2 * o + 1);
        }
    }

    /// <summary>
    /// The support promises met in this round. A state that joined a side or was kept out in the round is no
    /// supporter there whatever it was promised, so its support promises are not drawn; elsewhere any honoured
    /// promise makes it a supporter (supporters' sides are not tracked, so the order does not matter).
    /// </summary>
    private void SupportAfterJoining<T>(int count, ref T honour) where T : struct, ILaneHonour
    {
        foreach (var (c, o, lanes) in _support.AsSpan(0, count))
        {
            var l = lanes & ~(Bel[o] | Kept[o] | Sup[o]);
            if (l == 0) continue;
            Sup[o] |= l & Honoured(c, l, ref honour);
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
            var m = lanes & ~blocked & Bel[x] & (joinsAttacker ? ~SideA[x] : SideA[x]);
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

    private void Push(ref int[] buffer, ref int count, int ev, ulong lanes, int key)
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
        el.Key = key;
        if (el.Next == 0)
        {
            if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            buffer[count++] = ev;
        }
        el.Next |= fresh;
    }

    private void Enter(int s, bool attacker)
    {
        Bel[s] = ulong.MaxValue;
        SideA[s] = attacker ? ulong.MaxValue : 0;
    }

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
        Capped = 0;
        foreach (var c in _seenList.AsSpan(0, _seenCount)) _seen[c] = 0;
        _seenCount = 0;
        foreach (var c in _drawList.AsSpan(0, _drawCount)) _draws[c] = default;
        _drawCount = 0;
        if (++_stamp == int.MaxValue)
        {
            foreach (ref var el in _events.AsSpan()) el.Stamp = 0;
            foreach (ref var sl in _sets.AsSpan()) sl.Stamp = 0;
            _stamp = 1;
        }
    }
}
