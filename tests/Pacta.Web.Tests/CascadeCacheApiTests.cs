namespace Pacta.Web.Tests;

/// <summary>
/// <c>/api/cascade</c> builds a scenario's event graph once and keeps it (bounded, ServeOptions.GraphCacheEntries):
/// asking again answers from the kept graph with the same JSON, while another date or other cascade options build
/// their own. The tests of the "server" collection run one at a time, so the session's build count is this test's.
/// </summary>
[Collection("server")]
public sealed class CascadeCacheApiTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();

    private async Task<string> Get(string url)
    {
        using var r = await _http.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task An_equal_request_is_answered_from_the_kept_graph_and_another_date_or_option_is_not()
    {
        // The hand-encoded corpus alone keeps the builds short; a date no other test asks for makes the first a miss.
        const string url = "api/cascade?attacker=RUS&target=EST&date=2025-06-02&include_atop=false&trials=3000&seed=7";
        var session = server.Data.Session;
        var before = session.CascadesBuilt;
        var first = await Get(url);
        Assert.Equal(before + 1, session.CascadesBuilt);

        var second = await Get(url);
        Assert.Equal(first, second);
        Assert.Equal(before + 1, session.CascadesBuilt);
        // Other trials and seed reuse the graph too (only the Monte Carlo reruns).
        var reseeded = await Get(url.Replace("seed=7", "seed=8", StringComparison.Ordinal));
        Assert.NotEqual(first, reseeded);
        Assert.Equal(before + 1, session.CascadesBuilt);

        // Another date is another graph (its own build), and so are other cascade options on the same date.
        var otherDay = await Get(url.Replace("2025-06-02", "2025-06-03", StringComparison.Ordinal));
        Assert.Equal(before + 2, session.CascadesBuilt);
        Assert.Contains("\"2025-06-03\"", otherDay);
        var propagate = await Get(url + "&conditional=propagate");
        Assert.Equal(before + 3, session.CascadesBuilt);
        Assert.NotEqual(first, propagate);
    }
}
