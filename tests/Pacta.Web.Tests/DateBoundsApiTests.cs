using System.Net;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// Dates at the calendar's end over HTTP (issue 11, row 5): a what-if in the last days of 9999 whose deadlines fall
/// past 9999-12-31 answers 200 with saturated deadlines, never 500.
/// </summary>
[Collection("server")]
public sealed class DateBoundsApiTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();

    [Fact]
    public async Task WhatIf_LastDaysOf9999WithAdoptedProposal_Answers200()
    {
        using var r = await _http.GetAsync("api/what-if?attacker=RUS&target=UKR&date=9999-12-29&ceasefire=2026-01-01&adopted=kyiv-security-compact-2022");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
        var deadlines = JsonNode.Parse(body)!["triggered"]!.AsArray()
            .Where(t => (string?)t!["agreement"] == "kyiv-security-compact-2022").Select(t => (string?)t!["deadline"]).ToHashSet();
        Assert.Contains("9999-12-30T00:00:00Z", deadlines);
        Assert.Contains("9999-12-31T23:59:59Z", deadlines);
    }

    [Fact]
    public async Task Cascade_LastHourOf9999_Answers200()
    {
        using var r = await _http.GetAsync("api/cascade?attacker=RUS&target=UKR&date=9999-12-31T23:00&ceasefire=2026-01-01&adopted=kyiv-security-compact-2022");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
    }
}
