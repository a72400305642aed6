namespace Pacta.Web.Api;

/// <summary>
/// At most <see cref="Limit"/> cascade runs compute at once; a request beyond gets 503 with Retry-After at once
/// instead of queueing (a queue would let waiting requests time out while holding their connections). A slot is
/// given back when the work ends, not when the request does, so the limit bounds the CPU actually in use.
/// </summary>
public sealed class RunGate(int limit)
{
    private readonly SemaphoreSlim _slots = new(limit, limit);

    public int Limit { get; } = limit;

    /// <summary>Slots free now.</summary>
    public int Free => _slots.CurrentCount;

    public bool TryEnter() => _slots.Wait(0);

    public void Exit() => _slots.Release();
}
