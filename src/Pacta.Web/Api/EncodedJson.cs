using System.IO.Compression;

namespace Pacta.Web.Api;

/// <summary>
/// A JSON document with its Brotli and gzip forms; answers in the best encoding the client accepts. A cached copy
/// drops the plain form (<see cref="Compressed"/>) and inflates it again for the rare client that accepts neither.
/// </summary>
public sealed class EncodedJson(byte[]? identity, byte[] brotli, byte[] gzip) : IResult
{
    /// <summary>
    /// A strong validator for reference data: with it the answer says <c>Cache-Control: no-cache</c> and
    /// <c>ETag</c>, and a request whose <c>If-None-Match</c> names it gets 304 without a body.
    /// </summary>
    public string? ETag { get; init; }

    public static EncodedJson Of(byte[] json, string? etag = null) =>
        new(json, Compress(json, s => new BrotliStream(s, CompressionLevel.Optimal)), Compress(json, s => new GZipStream(s, CompressionLevel.Optimal))) { ETag = etag };

    /// <summary>The same answer without its plain form.</summary>
    public EncodedJson Compressed() => identity is null ? this : new(null, brotli, gzip) { ETag = ETag };

    public long CompressedBytes => brotli.Length + gzip.Length;

    /// <summary>The plain JSON (inflated from Brotli when this copy does not keep it).</summary>
    public byte[] Identity()
    {
        if (identity is not null) return identity;
        using var z = new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        z.CopyTo(ms);
        return ms.ToArray();
    }

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
            : (Identity(), null);
        var r = http.Response;
        if (ETag is not null)
        {
            r.Headers.ETag = ETag;
            r.Headers.CacheControl = "no-cache";
            r.Headers.Vary = "Accept-Encoding";
            // Weak comparison (RFC 9110 §13.1.2): the quoted tag matches with or without its W/ prefix.
            var opaque = ETag.StartsWith("W/", StringComparison.Ordinal) ? ETag[2..] : ETag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(opaque, StringComparison.Ordinal) || v.Trim() == "*")))
            {
                r.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }
        r.StatusCode = StatusCodes.Status200OK;
        r.ContentType = "application/json; charset=utf-8";
        r.Headers.Vary = "Accept-Encoding";
        if (encoding is not null) r.Headers.ContentEncoding = encoding;
        r.ContentLength = body.Length;
        return r.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }
}
