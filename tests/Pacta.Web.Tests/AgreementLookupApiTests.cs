using System.Net;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// The API finds an agreement as the CLI's <c>show</c> does (<c>AgreementLookup</c>): an organization's alias, a
/// unique start of an id; and lists the event attributes the corpus's thresholds and void-if conditions ask about.
/// </summary>
[Collection("server")]
public sealed class AgreementLookupApiTests(ServerFixture server)
{
    [Theory]
    [InlineData("CSTO", "csto-1992")]
    [InlineData("odkb", "csto-1992")]
    [InlineData("north-atlantic", "north-atlantic-treaty-1949")]
    [InlineData("BUDAPEST-MEMORANDUM-1994", "budapest-memorandum-1994")]
    public async Task An_alias_or_a_unique_id_start_finds_the_agreement(string query, string id)
    {
        using var http = server.Client();
        var a = JsonNode.Parse(await http.GetStringAsync($"api/agreements/{Uri.EscapeDataString(query)}"))!;
        Assert.Equal(id, (string?)a["id"]);
    }

    [Fact]
    public async Task Compare_takes_aliases_too_and_an_unknown_name_is_a_404_with_a_suggestion()
    {
        using var http = server.Client();
        var c = JsonNode.Parse(await http.GetStringAsync("api/compare?agreement=north-atlantic&agreement=CSTO&reference=csto"))!;
        Assert.Equal("csto-1992", (string?)c["reference"]);
        Assert.Equal(["csto-1992", "north-atlantic-treaty-1949"], c["agreements"]!.AsArray().Select(x => (string)x!["id"]!).ToArray());

        using var unknown = await http.GetAsync("api/agreements/north-atlantic-treaty-1950");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Equal("id", (string?)problem["field"]);
        Assert.Contains("did you mean", (string?)problem["detail"]);

        // NATO is a party of three agreements but the sole party of one, its own treaty, as `pacta show NATO` finds.
        var nato = JsonNode.Parse(await http.GetStringAsync("api/compare?agreement=NATO&agreement=CSTO"))!;
        Assert.Equal("north-atlantic-treaty-1949", (string?)nato["reference"]);

        // The start of several ids: the answer names them.
        using var ambiguous = await http.GetAsync("api/compare?agreement=rus&agreement=CSTO");
        Assert.Equal(HttpStatusCode.NotFound, ambiguous.StatusCode);
        var named = JsonNode.Parse(await ambiguous.Content.ReadAsStringAsync())!;
        Assert.Equal("agreement", (string?)named["field"]);
        Assert.Contains("rus-prk-2024", (string?)named["detail"]);
    }

    [Fact]
    public async Task Event_attributes_lists_what_thresholds_and_void_if_ask_with_their_clauses()
    {
        using var http = server.Client();
        var list = JsonNode.Parse(await http.GetStringAsync("api/event-attributes"))!["attributes"]!.AsArray();
        var names = list.Select(a => (string)a!["name"]!).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), names);
        Assert.Contains("sustained", names);
        Assert.Contains("target-attacked-first", names);
        var sustained = list.First(a => (string?)a!["name"] == "sustained")!["used_by"]!.AsArray();
        Assert.Contains(sustained, u => (string?)u!["agreement"] == "usa-ukr-draft-2025-11" && (string?)u["clause"] == "threshold");
        var first = list.First(a => (string?)a!["name"] == "target-attacked-first")!["used_by"]!.AsArray();
        Assert.Contains(first, u => (string?)u!["clause"] == "void_if" && !string.IsNullOrEmpty((string?)u["text"]));
    }
}
