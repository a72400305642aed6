using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 11 rows 2 and 10: every JSON body is read by one strict reader — duplicate keys, lone surrogates, invalid
/// UTF-8 and deep nesting are 400 problems naming the field — and a saved state is bounded in depth and size.
/// </summary>
[Collection("server")]
public sealed class JsonBodyTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();

    private async Task<JsonObject> Send(HttpMethod method, string url, byte[] body, int status, string field)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        using var r = await _http.SendAsync(request);
        var text = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode == status, $"{url}: expected {status}, got {(int)r.StatusCode}: {text}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(field, (string?)p["field"]);
        Assert.DoesNotContain("internal error", text);
        return p;
    }

    private Task<JsonObject> Post(string url, string body, string field) => Send(HttpMethod.Post, url, Encoding.UTF8.GetBytes(body), 400, field);

    [Theory]
    [InlineData("api/what-if", """{"attacker":"RUS","attacker":"USA","target":"EST","date":"2025-06-01"}""", "attacker")]
    [InlineData("api/scenarios", """{"name":"a","name":"b","state":{}}""", "name")]
    [InlineData("api/scenarios", """{"name":"a","state":{"x":{"y":1,"y":2}}}""", "state.x.y")]
    [InlineData("api/scenarios", """{"name":"a","state":{"list":[{"k":1,"k":1}]}}""", "state.list[0].k")]
    public async Task Duplicate_keys_are_400_naming_the_key(string url, string body, string field)
    {
        var p = await Post(url, body, field);
        Assert.Contains("more than once", (string?)p["detail"]);
    }

    [Fact]
    public async Task A_duplicate_key_in_a_draft_is_400()
    {
        var p = await Send(HttpMethod.Put, "api/drafts/dup-draft", Encoding.UTF8.GetBytes("""{"yaml":"a","yaml":"b"}"""), 400, "yaml");
        Assert.Contains("more than once", (string?)p["detail"]);
    }

    [Theory]
    [InlineData("api/what-if", """{"attacker":"\ud800","target":"EST","date":"2025-06-01"}""", "attacker")]
    [InlineData("api/what-if", """{"attacker":"RUS","target":"EST","date":"2025-06-01","ceasefire":["\udfff"]}""", "ceasefire[0]")]
    [InlineData("api/scenarios", """{"name":"x\ud800y","state":{}}""", "name")]
    [InlineData("api/scenarios", """{"name":"x","state":{"\ud83d":1}}""", "state")]
    public async Task A_lone_surrogate_is_400_naming_the_field(string url, string body, string field)
    {
        var p = await Post(url, body, field);
        Assert.Contains("not valid Unicode", (string?)p["detail"]);
    }

    private static string Nest(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    [Fact]
    public async Task A_state_nested_62_levels_is_refused_and_the_list_still_answers()
    {
        var p = await Post("api/scenarios", $$"""{"name":"deep","state":{{Nest(62)}}}""", "body");
        Assert.Contains("deeper than 32", (string?)p["detail"]);
        using var list = await _http.GetAsync("api/scenarios");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("\"deep\"", await list.Content.ReadAsStringAsync());

        // Within the limit, a state is saved.
        using var r = await _http.PostAsync("api/scenarios", new StringContent($$"""{"name":"deep-ok","state":{{Nest(30)}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    [Fact]
    public async Task A_state_larger_than_64_KiB_is_refused()
    {
        var state = new JsonObject { ["notes"] = new string('n', 70 * 1024) };
        var p = await Post("api/scenarios", new JsonObject { ["name"] = "big", ["state"] = state }.ToJsonString(), "state");
        Assert.Contains("larger than", (string?)p["detail"]);
    }
}
