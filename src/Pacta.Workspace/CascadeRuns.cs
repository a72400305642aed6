using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Workspace;

/// <summary>
/// A scenario's cascade prepared once: its event graph (built over the corpus with the invocation rules), the
/// deterministic result, and — on first use — the graph closed over every event a trial could reach, which
/// read-only Monte Carlo runs share.
/// </summary>
public sealed class PreparedCascade
{
    private readonly Lazy<CascadeGraph> _closed;

    internal PreparedCascade(CascadeGraph graph, CascadeStart start, CascadeResult deterministic)
    {
        Graph = graph;
        Start = start;
        Deterministic = deterministic;
        _closed = new(() => { graph.Close(start); return graph; }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CascadeGraph Graph { get; }
    public CascadeStart Start { get; }
    public CascadeResult Deterministic { get; }

    /// <summary>The graph closed for Monte Carlo (joiner-attacks all-enemies has no closed graph).</summary>
    public CascadeGraph ClosedGraph() => _closed.Value;
}

/// <summary>
/// Prepared cascades kept by key (the scenario, its assumptions and the cascade options), least recently used out
/// first, so that asking again — other trials, seed or preset — skips the graph build. Safe for concurrent callers:
/// one build per key at a time, and a failed build is not kept.
/// </summary>
public sealed class CascadeCache(int capacity)
{
    /// <summary>How many prepared cascades are kept (at least 1); lowering it drops the oldest at the next miss.</summary>
    public int Capacity { get; set; } = Math.Max(1, capacity);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<PreparedCascade> Value)>> _items = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<PreparedCascade> Value)> _recent = new();

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    private long _builds;

    /// <summary>How many cascades were built (misses); a request answered from the cache adds none.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    public PreparedCascade Get(string key, Func<PreparedCascade> build)
    {
        Lazy<PreparedCascade> lazy;
        lock (_lock)
        {
            if (_items.TryGetValue(key, out var hit))
            {
                _recent.Remove(hit);
                _recent.AddFirst(hit);
                lazy = hit.Value.Value;
            }
            else
            {
                lazy = new Lazy<PreparedCascade>(() => { Interlocked.Increment(ref _builds); return build(); }, LazyThreadSafetyMode.ExecutionAndPublication);
                _items[key] = _recent.AddFirst((key, lazy));
                while (_items.Count > Capacity && _recent.Last is { } last)
                {
                    _recent.RemoveLast();
                    _items.Remove(last.Value.Key);
                }
            }
        }
        try
        {
            return lazy.Value;
        }
        catch
        {
            lock (_lock)
                if (_items.TryGetValue(key, out var n) && n.Value.Value == lazy) { _recent.Remove(n); _items.Remove(key); }
            throw;
        }
    }

    /// <summary>The cache key of a cascade: everything its graph and deterministic result depend on.</summary>
    public static string Key(Event e, Assumptions a, CascadeOptions o, bool includeAtop) => string.Join('\u001f',
        includeAtop, e.Kind, e.Attacker.Cow, e.Target.Cow, e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Location.Code,
        string.Join(',', a.Ceasefires.Select(c => $"{c.Conflict}@{c.From:yyyy-MM-dd}")),
        string.Join(',', a.Adopted.Select(x => $"{x.Agreement}@{x.From:yyyy-MM-dd}")),
        string.Join(',', a.Members.Select(m => $"{m.State}:{m.Of}@{m.From:yyyy-MM-dd}")),
        o.ToString());
}
