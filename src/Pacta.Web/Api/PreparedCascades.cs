using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Web.Api;

/// <summary>
/// The fixed cost of a cascade request — building the event graph, the deterministic run, and closing the graph over
/// every event a trial could reach (seconds on the full corpus, whatever the number of trials) — done once per
/// scenario and kept, least recently used out first, for the next request (other trials, seed or preset). A closed
/// graph is read-only, so concurrent Monte Carlo runs share it.
/// </summary>
public sealed class PreparedCascades(int capacity)
{
    /// <summary>A scenario's graph and deterministic result; <see cref="ClosedGraph"/> closes the graph once, for Monte Carlo.</summary>
    public sealed class Prepared(CascadeGraph graph, CascadeStart start, CascadeResult deterministic)
    {
        private readonly Lazy<CascadeGraph> _closed = new(() => { graph.Close(start); return graph; }, LazyThreadSafetyMode.ExecutionAndPublication);

        public CascadeStart Start { get; } = start;
        public CascadeResult Deterministic { get; } = deterministic;
        public CascadeGraph ClosedGraph() => _closed.Value;
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<Prepared> Value)>> _items = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<Prepared> Value)> _recent = new();

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public Prepared Get(string key, Corpus corpus, Event e, Assumptions assumptions, MajorPowers? majors)
    {
        Lazy<Prepared> lazy;
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
                lazy = new Lazy<Prepared>(() => Build(corpus, e, assumptions, majors), LazyThreadSafetyMode.ExecutionAndPublication);
                _items[key] = _recent.AddFirst((key, lazy));
                while (_items.Count > capacity && _recent.Last is { } last)
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
            // A failed build is not kept.
            lock (_lock)
                if (_items.TryGetValue(key, out var n) && n.Value.Value == lazy) { _recent.Remove(n); _items.Remove(key); }
            throw;
        }
    }

    private static Prepared Build(Corpus corpus, Event e, Assumptions assumptions, MajorPowers? majors)
    {
        var graph = new CascadeGraph(new CascadeSource(corpus, e.Date, assumptions), CascadeOptions.Default);
        if (majors is not null) foreach (var m in majors.On(e.Date)) graph.IsMajor[graph.IndexOf(m)] = true;
        var start = CascadeStart.Of(e);
        var result = DeterministicCascade.Run(graph, start) with { AttackerBreaches = graph.Source.Full.Evaluate(e, assumptions).Breached };
        return new Prepared(graph, start, result);
    }
}
