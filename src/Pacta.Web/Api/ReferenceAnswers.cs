using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Pacta.Web.Api;

/// <summary>
/// Answers that depend only on the URL while the server runs (the corpus never changes under it): states, locations,
/// agreements, the network. Each is made once per URL, kept compressed with an ETag of its content, and revalidated
/// by the browser (<c>no-cache</c> + <c>If-None-Match</c> → 304), so a page visit after the first fetches none of
/// them again. At most <see cref="MaxEntries"/> URLs are kept; others are answered the same way, uncached.
/// </summary>
public sealed class ReferenceAnswers
{
    public const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, EncodedJson> _answers = new(StringComparer.Ordinal);

    /// <param name="extra">what else the answer depends on (the day, when a default is today)</param>
    public IResult Of(HttpContext http, Func<JsonNode> make, string? extra = null)
    {
        var key = http.Request.Path + http.Request.QueryString + "|" + extra;
        if (_answers.TryGetValue(key, out var known)) return known;
        var json = Json.Bytes(make());
        var answer = EncodedJson.Of(json, Tag(json));
        if (_answers.Count < MaxEntries) _answers.TryAdd(key, answer);
        return answer;
    }

    /// <summary>Weak: the same tag names the JSON in every content coding (Brotli, gzip, none).</summary>
    private static string Tag(byte[] json) => $"W/\"{Convert.ToHexString(SHA256.HashData(json), 0, 12).ToLowerInvariant()}\"";
}
