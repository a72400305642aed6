using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 11: random mutations of valid JSON bodies of every POST and PUT route — truncation, deep nesting, wrong types,
/// huge numbers, odd Unicode, duplicate keys, flipped bytes — must each get a 2xx, or a 4xx problem+json; never a 5xx.
/// Bounded by time (<c>PACTA_FUZZ_SECONDS</c>, default 10) and count; the seed is printed, and <c>PACTA_FUZZ_SEED</c>
/// replays a run.
/// </summary>
[Collection("server")]
public sealed class RequestBodyFuzzTests(ServerFixture shared, ITestOutputHelper output)
{
    private const int MaxRequests = 20_000;

    private static readonly (HttpMethod Method, string Path, string Body)[] Routes =
    [
        (HttpMethod.Post, "/api/what-if", """{"attacker":"RUS","target":"EST","date":"2025-06-01T10:00","kind":"armed-attack","location":"EE","ceasefire":["2025-01-01"],"adopted":["gbr-ukr-2024"],"member":["UKR:north-atlantic-treaty-1949:2025-01-01"],"include_atop":false}"""),
        (HttpMethod.Post, "/api/scenarios", """{"name":"fuzz","kind":"what-if","state":{"attacker":"RUS","target":"EST","list":[1,2.5,{"a":"b"}],"on":true}}"""),
        (HttpMethod.Put, "/api/drafts/fuzz-draft", """{"yaml":"id: fuzz-draft\ntitle: A draft\nform: treaty\n"}"""),
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\\ud800", "\\udfff\\ud800", "\\u0000", "\\uffff", "\u202e", "😀", "e\u0301", new string('x', 5000), "..", "../../etc/passwd",
        "a:b:c:d", "RUS:", ":", "2025-02-30", "9999-12-31T23:59", "0001-01-01", "1816-01-01", "2025-06-01T25:61", "-1", "NaN", "\u001b[31m",
    ];

    private static readonly string[] OddNumbers = ["1e400", "-1e999", "123456789012345678901234567890", "-0", "0.0000000000000000000001", "9223372036854775808"];

    [Fact]
    public async Task Mutated_bodies_never_get_a_5xx()
    {
        var (_, seed, budget) = Pacta.TestSupport.FuzzRun.Start("request bodies", 10, output);
        var random = new Random(seed);
        // A server of its own: the fuzz saves scenarios and drafts by the thousand.
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-fuzz-{Guid.NewGuid():N}");
        await using var app = PactaServer.BuildApp(new ServeOptions { Port = 0, DataDir = dir, Quiet = true }, shared.Data);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(PactaServer.Urls(app).Single()), Timeout = TimeSpan.FromSeconds(60) };
        var clock = Stopwatch.StartNew();
        var count = 0;
        var statuses = new SortedDictionary<int, int>();
        while (clock.Elapsed < budget && count < MaxRequests)
        {
            var (method, path, valid) = Routes[random.Next(Routes.Length)];
            var body = Mutate(random, valid, random.Next(1, 4));
            using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            using var r = await http.SendAsync(request);
            var status = (int)r.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            count++;
            var text = Encoding.UTF8.GetString(body);
            Assert.True(status < 500, $"seed {seed}, request {count}: {method} {path} answered {status}: {await r.Content.ReadAsStringAsync()}\nbody: {Shorten(text)}");
            if (status >= 400)
                Assert.True(r.Content.Headers.ContentType?.MediaType == "application/problem+json", $"seed {seed}: {status} without problem+json for {Shorten(text)}");
        }
        output.WriteLine($"{count} requests: {string.Join(", ", statuses.Select(x => $"{x.Key}×{x.Value}"))}");
        Assert.True(count > 0);
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static string Shorten(string s) => s.Length <= 400 ? s : s[..400] + $"… ({s.Length} chars)";

    private static byte[] Mutate(Random random, string valid, int rounds)
    {
        var text = valid;
        for (var i = 0; i < rounds; i++) text = MutateOnce(random, text);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(10) == 0 && bytes.Length > 0)
        {
            // A raw byte that is not UTF-8 (or any byte) somewhere.
            bytes[random.Next(bytes.Length)] = (byte)(random.Next(2) == 0 ? 0xFF : random.Next(256));
        }
        return bytes;
    }

    private static string MutateOnce(Random random, string text)
    {
        switch (random.Next(8))
        {
            case 0: // truncation
                return text[..random.Next(text.Length + 1)];
            case 1: // deep nesting around a value
                {
                    var depth = random.Next(1, 200);
                    var open = random.Next(2) == 0 ? "[" : "{\"n\":";
                    var close = open == "[" ? "]" : "}";
                    return ReplaceValue(random, text, string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
                }
            case 2: // wrong type
                return ReplaceValue(random, text, new[] { "1", "true", "null", "[]", "{}", "[\"a\",1]", "{\"a\":[]}" }[random.Next(7)]);
            case 3: // huge or odd number
                return ReplaceValue(random, text, OddNumbers[random.Next(OddNumbers.Length)]);
            case 4: // odd string
                return ReplaceValue(random, text, "\"" + OddStrings[random.Next(OddStrings.Length)] + "\"");
            case 5: // a key repeated
                {
                    var at = text.IndexOf('{', StringComparison.Ordinal);
                    var keys = System.Text.RegularExpressions.Regex.Matches(text, "\"([a-z_]+)\":");
                    if (at < 0 || keys.Count == 0) return text;
                    var key = keys[random.Next(keys.Count)].Groups[1].Value;
                    return text.Insert(at + 1, $"\"{key}\":\"again\",");
                }
            case 6: // a random character inserted
                return text.Insert(random.Next(text.Length + 1), ((char)random.Next(0x20, 0x7F)).ToString(CultureInfo.InvariantCulture));
            default: // a character deleted
                return text.Length == 0 ? text : text.Remove(random.Next(text.Length), 1);
        }
    }

    /// <summary>Replaces one value (a string, number, true/false/null, or a whole array or object) with <paramref name="with"/>.</summary>
    private static string ReplaceValue(Random random, string text, string with)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            // Not JSON any more, or a lone surrogate left by an earlier cut.
            return text;
        }
        if (root is null) return text;
        try
        {
            return Replace(random, root, with);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A key already repeated or a string that is not Unicode: System.Text.Json refuses to build the node.
            return text;
        }
    }

    private static string Replace(Random random, JsonNode root, string with)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        void Walk(JsonNode n)
        {
            if (n is JsonObject o) foreach (var (k, v) in o.ToList()) { slots.Add((o, k)); if (v is not null) Walk(v); }
            else if (n is JsonArray a) for (var i = 0; i < a.Count; i++) { slots.Add((a, i)); if (a[i] is { } v) Walk(v); }
        }
        Walk(root);
        if (slots.Count == 0) return with;
        var (parent, key) = slots[random.Next(slots.Count)];
        const string marker = "\"__FUZZ_MARKER__\"";
        if (parent is JsonObject po) po[(string)key] = "__FUZZ_MARKER__";
        else ((JsonArray)parent)[(int)key] = "__FUZZ_MARKER__";
        return root.ToJsonString().Replace(marker, with, StringComparison.Ordinal);
    }
}
