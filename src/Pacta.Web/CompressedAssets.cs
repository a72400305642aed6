using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Pacta.Web;

/// <summary>
/// The bundle's hashed files under <c>/assets/</c>, Brotli- or gzip-compressed once on first request and kept in
/// memory, sent with <c>Cache-Control: immutable</c> (their names change with their content). The what-if page's
/// first view is then ~100 KB on the wire instead of ~400 KB; a client that accepts neither encoding gets the file
/// as it is, from the static-file handler.
/// </summary>
public sealed class CompressedAssets(RequestDelegate next, IFileProvider files, FileExtensionContentTypeProvider types)
{
    private readonly ConcurrentDictionary<(string Path, string Encoding), byte[]> _cache = new();

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) || path is null || !path.StartsWith("/assets/", StringComparison.Ordinal))
        {
            await next(http);
            return;
        }
        var accept = http.Request.Headers.AcceptEncoding.ToString();
        var encoding = accept.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br" : accept.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip" : null;
        var file = files.GetFileInfo(path);
        if (encoding is null || !file.Exists || file.IsDirectory || !types.TryGetContentType(path, out var type))
        {
            await next(http);
            return;
        }
        var body = _cache.GetOrAdd((path, encoding), key => Compress(file, key.Encoding));
        var r = http.Response;
        r.ContentType = type;
        r.Headers.ContentEncoding = encoding;
        r.Headers.Vary = "Accept-Encoding";
        r.Headers.CacheControl = "public, max-age=31536000, immutable";
        r.ContentLength = body.Length;
        if (HttpMethods.IsGet(http.Request.Method)) await r.Body.WriteAsync(body, http.RequestAborted);
    }

    private static byte[] Compress(IFileInfo file, string encoding)
    {
        using var input = file.CreateReadStream();
        using var ms = new MemoryStream();
        using (Stream z = encoding == "br" ? new BrotliStream(ms, CompressionLevel.SmallestSize) : new GZipStream(ms, CompressionLevel.SmallestSize))
            input.CopyTo(z);
        return ms.ToArray();
    }
}
