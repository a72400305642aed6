using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

public enum CascadeRole : byte { Outside, Supporter, KeptOut, Belligerent }

/// <summary>Side 1 is the initial attacker's, side 2 the initial target's.</summary>
public enum CascadeSide : byte { None = 0, Attacker = 1, Defender = 2 }

/// <summary>Decides whether a decision (<see cref="DecisionUnits"/>) comes out honoured in the current run (always, or by a draw).</summary>
internal interface IHonour
{
    bool Honoured(int decision);
}

internal struct AlwaysHonour : IHonour
{
    public readonly bool Honoured(int decision) => true;
}

/// <summary>
/// The round-by-round fixed point, on integers and reusable buffers so a Monte Carlo trial allocates nothing.
/// Round r evaluates the events created in round r−1: obligations to fight make their obligors candidates for
/// the beneficiary's side; candidates pulled to both sides, or bound to stay out, stay out; the others join and
/// create the events of their entry (their attack and their war involvement). Each obligation is acted on once per
/// run, when it is first triggered with its beneficiary at war; each state joins once and each event is evaluated
/// once per run, so the loop ends; <see cref="CascadeOptions.MaxRounds"/> is a second guard.
/// </summary>
internal sealed class CascadeKernel
{
    /// <summary><see cref="Via"/> of a state kept out because it was pulled to both sides.</summary>
    public const int CrossPressured = -2;

    private readonly CascadeGraph _g;
    private readonly int _n;
    public readonly byte[] Role;
    public readonly byte[] Side;
    public readonly int[] Round;
    public readonly int[] Via;
    public readonly int[] ViaEvent;
    private readonly byte[] _blocked;
    private readonly int[] _blockedVia;
    private readonly byte[] _candSide;
    private readonly int[] _candVia;
    private readonly int[] _candEvent;
    private readonly int[] _candEdge;
    private readonly byte[] _touchedMark;
    private readonly int[] _touched;
    private readonly int[] _cands;
    private int[] _frontier = new int[64];
    private int[] _next = new int[64];
    private int[] _eventStamp = new int[64];
    private int[] _obligationStamp = new int[64];
    private int[] _setStamp = [];
    private int _stamp;

    public CascadeKernel(CascadeGraph g, DecisionUnits? units = null)
    {
        Units = units ?? DecisionUnits.Identity;
        _g = g;
        _n = g.StateCount;
        Role = new byte[_n];
        Side = new byte[_n];
        Round = new int[_n];
        Via = new int[_n];
        ViaEvent = new int[_n];
        _blocked = new byte[_n];
        _blockedVia = new int[_n];
        _candSide = new byte[_n];
        _candVia = new int[_n];
        _candEvent = new int[_n];
        _candEdge = new int[_n];
        _touchedMark = new byte[_n];
        _touched = new int[_n];
        _cands = new int[_n];
        if (g.Closed)
        {
            EnsureEvents(g.EventCount);
            _obligationStamp = new int[g.ObligationCount];
            _setStamp = new int[g.EdgeSetCount];
        }
    }

    /// <summary>What the honour source is asked: the decision of each obligation (by default, the obligation itself).</summary>
    public DecisionUnits Units { get; }

    public int TouchedCount { get; private set; }
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, TouchedCount);
    public int Rounds { get; private set; }
    public bool Capped { get; private set; }

    /// <summary>When set, every event the run evaluates is recorded (deterministic runs only), for the promises it withheld.</summary>
    public List<int>? Evaluated { get; set; }

    /// <summary>When set, conflicts between promises are recorded (deterministic runs only).</summary>
    public List<(int State, int Obligation)>? Breaches { get; set; }

    public void Run<T>(ReadOnlySpan<int> attackers, ReadOnlySpan<int> targets, ReadOnlySpan<int> initialEvents, ref T honour) where T : struct, IHonour
    {
        Reset();
        foreach (var a in attackers) Enter(a, CascadeSide.Attacker);
        foreach (var t in targets) Enter(t, CascadeSide.Defender);
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_eventStamp);
            Array.Clear(_obligationStamp);
            Array.Clear(_setStamp);
            _stamp = 1;
        }
        var fCount = 0;
        foreach (var ev in initialEvents) Push(ref _frontier, ref fCount, ev);

        var closed = _g.Closed;
        var options = _g.Options;
        var protectsAggressor = options.PeaceProtectsAggressor;
        var units = Units;
        for (var r = 1; fCount > 0; r++)
        {
            if (r > options.MaxRounds) { Capped = true; break; }
            var changed = false;
            var candCount = 0;
            for (var i = 0; i < fCount; i++)
            {
                var ev = _frontier[i];
                Evaluated?.Add(ev);
                // Events with the same obligations (attacks by different joiners on one state) need acting on once:
                // a set whose obligations were all acted on is skipped whole (the same as skipping each).
                var set = closed ? _g.EdgeSetOf[ev] : -1;
                if (set >= 0 && _setStamp[set] == _stamp) continue;
                var complete = true;
                var edges = _g.Edges(ev);
                if (!closed && _obligationStamp.Length < _g.ObligationCount) Array.Resize(ref _obligationStamp, Math.Max(_g.ObligationCount, 2 * _obligationStamp.Length));
                var seen = _obligationStamp;
                var obligor = _g.ObligorOf;
                var beneficiary = _g.BeneficiaryOf;
                var effect = _g.EffectOf;
                var groupEnd = closed ? _g.GroupEnd(ev) : null;
                for (var k = 0; k < edges.Length; k++)
                {
                    var c = edges[k];
                    var o = obligor[c];
                    // A state at war is beyond any further obligation: skip all of its obligations at once.
                    if (Role[o] == (byte)CascadeRole.Belligerent)
                    {
                        if (groupEnd is not null) k = groupEnd[k] - 1;
                        continue;
                    }
                    if (seen[c] == _stamp) continue;
                    var b = beneficiary[c];
                    if (Role[b] != (byte)CascadeRole.Belligerent) { complete = false; continue; }
                    seen[c] = _stamp;
                    var sb = Side[b];
                    switch ((CascadeEffect)effect[c])
                    {
                        case CascadeEffect.StayOut:
                            if (!protectsAggressor && IsInitialAttacker(b)) continue;
                            if (!honour.Honoured(units.Of(c, (CascadeSide)sb))) continue;
                            Touch(o);
                            if (_blocked[o] == 0) _blockedVia[o] = c;
                            _blocked[o] |= (byte)(3 - sb);
                            continue;
                        case CascadeEffect.Support:
                            if (Role[o] != (byte)CascadeRole.Outside || !honour.Honoured(units.Of(c, (CascadeSide)sb))) continue;
                            Touch(o);
                            Role[o] = (byte)CascadeRole.Supporter;
                            Side[o] = sb;
                            Round[o] = r;
                            Via[o] = c;
                            ViaEvent[o] = ev;
                            changed = true;
                            continue;
                        case CascadeEffect.Consult:
                            // Talks, not a role: the result lists consulting states from the evaluated events.
                            continue;
                        default:
                            if (!honour.Honoured(units.Of(c, (CascadeSide)sb))) continue;
                            Touch(o);
                            if (_candSide[o] == 0)
                            {
                                _candSide[o] = sb;
                                _candVia[o] = c;
                                _candEvent[o] = ev;
                                _candEdge[o] = k;
                                _cands[candCount++] = o;
                            }
                            else if (_candSide[o] != sb) _candSide[o] = 3;
                            continue;
                    }
                }
                if (set >= 0 && complete) _setStamp[set] = _stamp;
            }

            // Joining in state order makes the result independent of the order in which events were evaluated.
            _cands.AsSpan(0, candCount).Sort();
            var nCount = 0;
            for (var i = 0; i < candCount; i++)
            {
                var o = _cands[i];
                var s = _candSide[o];
                _candSide[o] = 0;
                if (s == 3)
                {
                    KeepOut(o, r, CrossPressured, _candEvent[o]);
                    continue;
                }
                var blocker = StayOutObligation(o, s, ref honour);
                if (blocker >= 0)
                {
                    if (options.Clashes == ObligationClash.PeacePrevails)
                    {
                        KeepOut(o, r, blocker, _candEvent[o]);
                        continue;
                    }
                    Breaches?.Add((o, blocker));
                }
                Role[o] = (byte)CascadeRole.Belligerent;
                Side[o] = s;
                Round[o] = r;
                Via[o] = _candVia[o];
                ViaEvent[o] = _candEvent[o];
                changed = true;
                var enemy = _g.AttackerOf[_candEvent[o]];
                if (closed)
                {
                    var (attack, involvement) = _g.DerivedOf(_candEvent[o], _candEdge[o]);
                    if (attack >= 0) Push(ref _next, ref nCount, attack);
                    if (involvement >= 0) Push(ref _next, ref nCount, involvement);
                }
                else if (options.JoinerAttacks == JoinerAttacks.AllEnemies)
                {
                    foreach (var y in Touched)
                        if (Role[y] == (byte)CascadeRole.Belligerent && Side[y] == 3 - s)
                            Push(ref _next, ref nCount, _g.EventId(TriggerKind.ArmedAttack, o, y));
                    Push(ref _next, ref nCount, _g.EventId(TriggerKind.WarInvolvement, enemy, o));
                }
                else
                {
                    foreach (var ev in _g.Derived(o, enemy)) Push(ref _next, ref nCount, ev);
                }
            }
            if (changed) Rounds = r;
            (_frontier, _next) = (_next, _frontier);
            fCount = nCount;
        }
    }

    /// <summary>A neutrality promise triggered in the war, or a standing non-aggression promise, towards the side <paramref name="s"/> would fight.</summary>
    private int StayOutObligation<T>(int o, byte s, ref T honour) where T : struct, IHonour
    {
        if ((_blocked[o] & s) != 0) return _blockedVia[o];
        var peace = _g.PeaceObligationsOf(o);
        var beneficiary = _g.BeneficiaryOf;
        foreach (var c in peace)
        {
            var x = beneficiary[c];
            if (Role[x] != (byte)CascadeRole.Belligerent || Side[x] != 3 - s) continue;
            if (!_g.Options.PeaceProtectsAggressor && IsInitialAttacker(x)) continue;
            if (honour.Honoured(Units.Of(c, (CascadeSide)(3 - s)))) return c;
        }
        return -1;
    }

    private bool IsInitialAttacker(int s) => Round[s] == 0 && Side[s] == (byte)CascadeSide.Attacker && Role[s] == (byte)CascadeRole.Belligerent;

    private void KeepOut(int o, int r, int via, int ev)
    {
        if (Role[o] >= (byte)CascadeRole.KeptOut) return;
        Role[o] = (byte)CascadeRole.KeptOut;
        Round[o] = r;
        Via[o] = via;
        ViaEvent[o] = ev;
    }

    private void Enter(int s, CascadeSide side)
    {
        Touch(s);
        Role[s] = (byte)CascadeRole.Belligerent;
        Side[s] = (byte)side;
        Round[s] = 0;
        Via[s] = -1;
        ViaEvent[s] = -1;
    }

    private void Touch(int s)
    {
        if (_touchedMark[s] != 0) return;
        _touchedMark[s] = 1;
        _touched[TouchedCount++] = s;
    }

    private void Push(ref int[] buffer, ref int count, int ev)
    {
        EnsureEvents(ev + 1);
        if (_eventStamp[ev] == _stamp) return;
        _eventStamp[ev] = _stamp;
        if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        buffer[count++] = ev;
    }

    private void EnsureEvents(int n)
    {
        if (n <= _eventStamp.Length) return;
        var size = Math.Max(n, _eventStamp.Length * 2);
        Array.Resize(ref _eventStamp, size);
        if (_frontier.Length < size) Array.Resize(ref _frontier, size);
        if (_next.Length < size) Array.Resize(ref _next, size);
    }

    private void Reset()
    {
        foreach (var s in Touched)
        {
            _touchedMark[s] = 0;
            Role[s] = 0;
            Side[s] = 0;
            _blocked[s] = 0;
            _candSide[s] = 0;
        }
        TouchedCount = 0;
        Rounds = 0;
        Capped = false;
        Breaches?.Clear();
        Evaluated?.Clear();
    }
}
