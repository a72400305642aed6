namespace Pacta.Web.Api;

/// <summary>
/// The answers of recent what-if requests, kept compressed (Brotli and gzip, about 1/30 of the JSON each). The corpus
/// does not change while the server runs, so an outcome depends only on the request: repeated questions (a shared
/// link, the load test) skip evaluation and compression. Bounded by bytes, not by count — one answer can be 2 MB of
/// JSON — and least recently used answers go first, so memory stays under the budget whatever the requests.
/// </summary>
public sealed class OutcomeCache(long budgetBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _items = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();

    private sealed record Entry(string Key, EncodedJson Value, long Size);

    public long BudgetBytes { get; } = budgetBytes;

    /// <summary>Bytes held now: the compressed bodies and their keys.</summary>
    public long Bytes { get; private set; }

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public EncodedJson GetOrAdd(string key, Func<byte[]> make)
    {
        lock (_lock)
        {
            if (_items.TryGetValue(key, out var hit))
            {
                _recent.Remove(hit);
                _recent.AddFirst(hit);
                return hit.Value.Value;
            }
        }
        // Computed outside the lock: two requests for the same new key may both compute it; the second is kept.
        var fresh = EncodedJson.Of(make());
        var kept = fresh.Compressed();
        var size = kept.CompressedBytes + 2L * key.Length + 64;
        if (size > BudgetBytes) return fresh;
        lock (_lock)
        {
            if (_items.Remove(key, out var old))
            {
                _recent.Remove(old);
                Bytes -= old.Value.Size;
            }
            _items[key] = _recent.AddFirst(new Entry(key, kept, size));
            Bytes += size;
            while (Bytes > BudgetBytes && _recent.Last is { } last)
            {
                _recent.RemoveLast();
                _items.Remove(last.Value.Key);
                Bytes -= last.Value.Size;
            }
        }
        return fresh;
    }
}
