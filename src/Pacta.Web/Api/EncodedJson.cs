using System.IO.Compression;

namespace Pacta.Web.Api;

/// <summary>
/// A JSON document with its Brotli and gzip forms; answers in the best encoding the client accepts. A cached copy
/// drops the plain form (<see cref="Compressed"/>) and inflates it again for the rare client that accepts neither.
/// </summary>
public sealed class EncodedJson(byte[]? identity, byte[] brotli, byte[] gzip) : IResult
{
    public static EncodedJson Of(byte[] json) => new(json, Compress(json, s => new BrotliStream(s, CompressionLevel.Optimal)), Compress(json, s => new GZipStream(s, CompressionLevel.Optimal)));

    /// <summary>The same answer without its plain form.</summary>
    public EncodedJson Compressed() => identity is null ? this : new(null, brotli, gzip);

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
        r.StatusCode = StatusCodes.Status200OK;
        r.ContentType = "application/json; charset=utf-8";
        r.Headers.Vary = "Accept-Encoding";
        if (encoding is not null) r.Headers.ContentEncoding = encoding;
        r.ContentLength = body.Length;
        return r.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }
}
