using System.Collections.Concurrent;
using System.IO.Compression;

namespace Pacta.Web.Api;

/// <summary>
/// The serialized answers of recent what-if requests, each also compressed once with Brotli and gzip. The corpus
/// does not change while the server runs, so an outcome depends only on the request: repeated questions (a shared
/// link, the load test) skip evaluation, and the large explanation trees cross the wire compressed (about 1/30 of
/// their size) without compressing them again. Bounded: cleared whole when full, which keeps memory flat.
/// </summary>
public sealed class OutcomeCache(int capacity = 1024)
{
    private readonly ConcurrentDictionary<string, EncodedJson> _items = new(StringComparer.Ordinal);

    public EncodedJson GetOrAdd(string key, Func<byte[]> make)
    {
        if (_items.TryGetValue(key, out var hit)) return hit;
        var value = EncodedJson.Of(make());
        if (_items.Count >= capacity) _items.Clear();
        _items[key] = value;
        return value;
    }
}

/// <summary>A JSON document with its Brotli and gzip forms; answers in the best encoding the client accepts.</summary>
public sealed class EncodedJson(byte[] identity, byte[] brotli, byte[] gzip) : IResult
{
    public byte[] Identity { get; } = identity;

    public static EncodedJson Of(byte[] json) => new(json, Compress(json, s => new BrotliStream(s, CompressionLevel.Optimal)), Compress(json, s => new GZipStream(s, CompressionLevel.Optimal)));

    private static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
    {
        using var ms = new MemoryStream();
        using (var z = wrap(ms)) z.Write(data);
        return ms.ToArray();
    }

    public Task ExecuteAsync(HttpContext http)
    {
        var accept = http.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accept.Contains("br", StringComparison.OrdinalIgnoreCase) ? (brotli, "br")
            : accept.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (gzip, "gzip")
            : (Identity, null);
        var r = http.Response;
        r.StatusCode = StatusCodes.Status200OK;
        r.ContentType = "application/json; charset=utf-8";
        r.Headers.Vary = "Accept-Encoding";
        if (encoding is not null) r.Headers.ContentEncoding = encoding;
        r.ContentLength = body.Length;
        return r.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }
}
