using System.Collections.Concurrent;

namespace Pacta.Web.Api;

/// <summary>
/// The serialized answers of recent what-if requests. The corpus does not change while the server runs, so an
/// outcome depends only on the request; repeated questions (a shared link, the load test) skip evaluation.
/// Bounded: cleared whole when full, which is cheap and keeps memory flat.
/// </summary>
public sealed class OutcomeCache(int capacity = 2048)
{
    private readonly ConcurrentDictionary<string, byte[]> _items = new(StringComparer.Ordinal);

    public byte[] GetOrAdd(string key, Func<byte[]> make)
    {
        if (_items.TryGetValue(key, out var hit)) return hit;
        var value = make();
        if (_items.Count >= capacity) _items.Clear();
        _items[key] = value;
        return value;
    }
}
