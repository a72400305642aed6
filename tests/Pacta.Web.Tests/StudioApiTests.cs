using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// The drafting studio's API over real HTTP: validation located at line and column, the assessment of a minimal
/// bilateral guarantee checked by hand, the comparison with the references, versions saved, listed and restored, and
/// the diff against a saved version (the same figures as <c>pacta diff</c> on the same pair).
/// </summary>
[Collection("server")]
public sealed class StudioApiTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();

    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>The studio's template (tests/fixtures/studio/bilateral-guarantee.yaml): USA to UKR, armed attack by anyone, automatic, within 72 hours.</summary>
    public static string Template => File.ReadAllText(Path.Combine(Root, "tests", "fixtures", "studio", "bilateral-guarantee.yaml"));

    public static string UsDraft => File.ReadAllText(Path.Combine(Root, "corpus", "agreements", "usa-ukr-draft-2025-11.yaml"));

    private async Task<(HttpStatusCode Status, JsonNode Body)> Send(HttpMethod method, string url, object? body)
    {
        using var req = new HttpRequestMessage(method, url);
        if (body is not null) req.Content = new StringContent(body is string s ? s : System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var r = await _http.SendAsync(req);
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, JsonNode.Parse(text)!);
    }

    private async Task<JsonNode> Ok(HttpMethod method, string url, object? body)
    {
        var (status, json) = await Send(method, url, body);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {json}");
        return json;
    }

    [Fact]
    public void The_ui_template_is_the_fixture()
    {
        var ts = File.ReadAllText(Path.Combine(Root, "src", "Pacta.Web", "ui", "src", "pages", "studiotemplate.ts"));
        Assert.Contains("`" + Template + "`", ts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_the_template_reads_without_problems()
    {
        var v = await Ok(HttpMethod.Post, "api/studio/validate", new { yaml = Template });
        Assert.True((bool)v["ok"]!, v.ToJsonString());
        Assert.Equal("bilateral-guarantee-draft", (string?)v["agreement"]);
        Assert.Empty(v["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Validate_locates_a_misspelt_strength_at_its_line_and_column()
    {
        // Line 39 of the template is "        strength: automatic": the value starts at column 19.
        Assert.Equal("        strength: automatic", Template.Split('\n')[38]);
        var v = await Ok(HttpMethod.Post, "api/studio/validate", new { yaml = Template.Replace("strength: automatic", "strength: automatc", StringComparison.Ordinal) });
        Assert.False((bool)v["ok"]!);
        var d = Assert.Single(v["diagnostics"]!.AsArray())!;
        Assert.Equal(39, (int)d["line"]!);
        Assert.Equal(19, (int)d["column"]!);
        Assert.Equal("error", (string?)d["severity"]);
        Assert.Contains("automatc", (string?)d["message"], StringComparison.Ordinal);
        Assert.StartsWith("drafts/bilateral-guarantee-draft.yaml:39:19: error ", (string?)d["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_locates_a_yaml_syntax_error()
    {
        var v = await Ok(HttpMethod.Post, "api/studio/validate", new { yaml = "id: x\ntitle: [unclosed\n" });
        Assert.False((bool)v["ok"]!);
        var d = v["diagnostics"]!.AsArray()[0]!;
        Assert.True((int)d["line"]! >= 2, d.ToJsonString());
    }

    [Fact]
    public async Task Assess_the_template_obliges_the_usa_automatically_in_every_armed_attack_and_nothing_else()
    {
        var a = await Ok(HttpMethod.Post, "api/studio/assess", new { yaml = Template });
        Assert.Equal("bilateral-guarantee-draft", (string?)a["agreement"]);
        var results = a["results"]!.AsArray();
        Assert.Equal((int)a["scenarios"]!, results.Count);
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            Assert.Equal("UKR", (string?)r!["target"]);
            var duties = r["draft"]!.AsArray();
            if ((string?)r["kind"] == "armed-attack" && (string?)r["attacker"] != "USA")
            {
                // The trigger names armed attacks by anyone on Ukraine: one duty, the USA's, automatic, within 72 hours,
                // decided — except when the USA itself is the attacker (a major power in the battery), which owes nothing.
                Assert.True(duties.Count == 1, r.ToJsonString());
                var duty = duties[0]!;
                Assert.Equal("USA", (string?)duty["obligor"]);
                Assert.Equal("automatic", (string?)duty["strength"]);
                Assert.Equal("PT72H", (string?)duty["deadline"]);
                Assert.Empty(duty["undecided"]!.AsArray());
                Assert.Equal("covered", (string?)r["coverage"]);
            }
            else Assert.Empty(duties);
        }
        Assert.Equal(results.Count(r => (string?)r!["kind"] == "armed-attack" && (string?)r["attacker"] != "USA"), (int)a["draft_obliges"]!);
        Assert.Contains(results, r => (string?)r!["attacker"] == "USA");

        // Without the per-scenario list: the same counts.
        var summary = await Ok(HttpMethod.Post, "api/studio/assess", new { yaml = Template, results = false });
        Assert.Null(summary["results"]);
        Assert.Equal((int)a["draft_obliges"]!, (int)summary["draft_obliges"]!);
        Assert.Equal((int)a["gaps"]!, (int)summary["gaps"]!);
    }

    [Fact]
    public async Task Assess_the_us_draft_by_text_and_by_id_gives_the_cli_figures()
    {
        var byText = await Ok(HttpMethod.Post, "api/studio/assess", new { yaml = UsDraft, results = false });
        var byId = await Ok(HttpMethod.Post, "api/studio/assess", new { agreement = "usa-ukr-draft-2025-11", results = false });
        // As pacta assess usa-ukr-draft-2025-11 (tests/Pacta.Cli.Tests DraftCommandTests): 14 attackers (13 neighbours, war
        // enemies and major powers, and Serbia by a militarized dispute) × 6 places × 2 days × 2 ceasefire × 2 kinds × 6 attribute cases.
        Assert.Equal(14 * 6 * 2 * 2 * 2 * 6, (int)byText["scenarios"]!);
        foreach (var k in new[] { "scenarios", "gaps", "undecided", "draft_obliges", "adds" })
            Assert.Equal((int)byId[k]!, (int)byText[k]!);
        Assert.Equal("drafts/usa-ukr-draft-2025-11.yaml", (string?)byText["file"]);
    }

    /// <summary>
    /// <c>classes</c>, also without the per-scenario list, as <c>pacta assess usa-ukr-2024 --json</c> gives them
    /// (tests/Pacta.Cli.Tests AssessClassesTests): Belarus attacking during the war, under post-war-gate=renewed-aggression
    /// (R2) the USA owes consultation within PT24H in 14/14; the same text with "within 72 hours" says PT72H.
    /// </summary>
    [Fact]
    public async Task Assess_gives_the_classes_without_the_results_and_they_follow_the_text()
    {
        static JsonNode Belarus(JsonNode a, string key) => Assert.Single(a["classes"]!.AsArray(), c => (string?)c!["attacker"] == "BLR"
            && !(bool)c["ceasefire"]! && (string?)c["kind"] == "armed-attack" && (string?)c["reading_key"] == key)!;
        var byId = await Ok(HttpMethod.Post, "api/studio/assess", new { agreement = "usa-ukr-2024", results = false });
        Assert.Null(byId["results"]);
        Assert.Equal((int)byId["scenarios"]!, byId["classes"]!.AsArray().Sum(c => (int)c!["scenarios"]!));
        Assert.Equal("-", (string?)Belarus(byId, "R1")["draft_text"]);
        Assert.Equal(0, (int)Belarus(byId, "R1")["gaps"]!);
        Assert.Equal("USA consultative within PT24H (14/14)", (string?)Belarus(byId, "R2")["draft_text"]);
        Assert.Equal("bindingness=political, post-war-gate=renewed-aggression", (string?)Assert.Single(byId["reading_labels"]!.AsArray(), k => (string?)k!["key"] == "R2")!["readings"]);

        var text = File.ReadAllText(Path.Combine(Root, "corpus", "agreements", "usa-ukr-2024.yaml")).Replace("deadline: PT24H", "deadline: PT72H", StringComparison.Ordinal);
        var edited = await Ok(HttpMethod.Post, "api/studio/assess", new { yaml = text, results = false });
        var duty = Assert.Single(Belarus(edited, "R2")["draft"]!.AsArray())!;
        Assert.Equal(("USA", "consultative", "PT72H", 14), ((string?)duty["obligor"], (string?)duty["strength"], (string?)duty["deadline"], (int)duty["scenarios"]!));
    }

    [Fact]
    public async Task Assess_a_text_with_errors_is_a_400_with_the_located_diagnostics()
    {
        var (status, p) = await Send(HttpMethod.Post, "api/studio/assess", new { yaml = Template.Replace("strength: automatic", "strength: automatc", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("yaml", (string?)p["field"]);
        var d = Assert.Single(p["diagnostics"]!.AsArray())!;
        Assert.Equal(39, (int)d["line"]!);
        Assert.Equal(19, (int)d["column"]!);
    }

    [Theory]
    [InlineData("{}", "yaml")]
    [InlineData("""{"yaml": 3}""", "yaml")]
    [InlineData("""{"yaml": "id: x", "agreement": "anzus-1951"}""", "yaml")]
    [InlineData("""{"agreement": "no-such-agreement"}""", "agreement")]
    [InlineData("""{"draft": "never-saved-draft"}""", "draft")]
    [InlineData("""{"draft": "never-saved-draft", "version": "one"}""", "version")]
    public async Task Assess_names_the_bad_field(string body, string field)
    {
        var (status, p) = await Send(HttpMethod.Post, "api/studio/assess", body);
        Assert.True((int)status is 400 or 404, $"{(int)status} {p}");
        Assert.Equal(field, (string?)p["field"]);
    }

    // Every route reads the draft through one parser (DraftSource): each bad shape is refused naming the field by its
    // full path, the diff's earlier version under 'against.'.
    [Theory]
    [InlineData("validate", "{}", 400, "yaml")]
    [InlineData("validate", """{"yaml": ["id: x"]}""", 400, "yaml")]
    [InlineData("assess", """{"agreement": "anzus-1951", "version": 2}""", 400, "version")]
    [InlineData("assess", """{"agreement": 7}""", 400, "agreement")]
    [InlineData("assess", """{"draft": {"id": "x"}}""", 400, "draft")]
    [InlineData("compare", "{}", 400, "yaml")]
    [InlineData("compare", """{"agreement": "no-such-agreement"}""", 404, "agreement")]
    [InlineData("compare", """{"draft": "never-saved-draft", "version": 0}""", 400, "version")]
    [InlineData("diff", """{"agreement": "anzus-1951"}""", 400, "against")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": "anzus-1951"}""", 400, "against")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {}}""", 400, "against.yaml")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {"agreement": 5}}""", 400, "against.agreement")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {"yaml": "id: x", "draft": "d"}}""", 400, "against.yaml")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {"agreement": "no-such-agreement"}}""", 404, "against.agreement")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {"draft": "never-saved-draft"}}""", 404, "against.draft")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {"draft": "never-saved-draft", "version": "one"}}""", 400, "against.version")]
    [InlineData("diff", """{"agreement": "anzus-1951", "against": {"agreement": "anzus-1951", "version": 1}}""", 400, "against.version")]
    public async Task Every_studio_route_names_the_bad_draft_field(string route, string body, int status, string field)
    {
        var (code, p) = await Send(HttpMethod.Post, $"api/studio/{route}", body);
        Assert.Equal(status, (int)code);
        Assert.Equal(field, (string?)p["field"]);
    }

    [Fact]
    public async Task A_text_with_errors_against_is_a_400_naming_against_yaml()
    {
        var broken = Template.Replace("strength: automatic", "strength: automatc", StringComparison.Ordinal);
        var (status, p) = await Send(HttpMethod.Post, "api/studio/diff", new { yaml = Template, against = new { yaml = broken } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("against.yaml", (string?)p["field"]);
        Assert.Equal(39, (int)Assert.Single(p["diagnostics"]!.AsArray())!["line"]!);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"yaml": 3}""")]
    [InlineData("""{"yaml": "  \n"}""")]
    public async Task Saving_a_draft_without_a_text_names_yaml(string body)
    {
        var (status, p) = await Send(HttpMethod.Put, "api/drafts/studio-no-text", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("yaml", (string?)p["field"]);
    }

    [Fact]
    public async Task A_text_over_the_size_bound_is_refused_naming_yaml()
    {
        var (status, p) = await Send(HttpMethod.Post, "api/studio/validate", new { yaml = "id: x\n" + new string('#', 130 * 1024) });
        Assert.True((int)status is 400 or 413, $"{(int)status} {p}");
        Assert.Contains((string?)p["field"], new[] { "yaml", "body" });
    }

    [Fact]
    public async Task Compare_puts_the_draft_after_the_references_measured_against_the_first()
    {
        var c = await Ok(HttpMethod.Post, "api/studio/compare", new { yaml = Template });
        Assert.Equal("north-atlantic-treaty-1949", (string?)c["reference"]);
        Assert.Equal(["north-atlantic-treaty-1949", "kyiv-security-compact-2022", "budapest-memorandum-1994", "bilateral-guarantee-draft"],
            c["agreements"]!.AsArray().Select(a => (string)a!["id"]!).ToArray());
        Assert.Equal("bilateral-guarantee-draft", (string?)c["draft"]);
        var strength = c["dimensions"]!.AsArray().First(d => ((string?)d!["dimension"])!.Contains("strength", StringComparison.Ordinal))!;
        Assert.Equal(4, strength["values"]!.AsArray().Count);

        // A draft started from NATO keeps its id; its column is told apart.
        var nato = await Ok(HttpMethod.Get, "api/studio/source/north-atlantic-treaty-1949", null);
        var again = await Ok(HttpMethod.Post, "api/studio/compare", new { yaml = (string)nato["yaml"]!, references = new[] { "north-atlantic-treaty-1949" } });
        Assert.Equal("north-atlantic-treaty-1949-draft", (string?)again["draft"]);

        var (status, p) = await Send(HttpMethod.Post, "api/studio/compare", new { yaml = Template, references = new[] { "budapest-memorandum-1994", "no-such-treaty" } });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("references[1]", (string?)p["field"]);
    }

    [Fact]
    public async Task Versions_are_saved_listed_fetched_and_restored()
    {
        var id = $"studio-versions-{Guid.NewGuid():N}"[..30];
        var v1 = await Ok(HttpMethod.Put, $"api/drafts/{id}", new { yaml = Template, author = "Ana", note = "first text" });
        Assert.Equal(1, (int)v1["version"]!);
        var edited = Template.Replace("PT72H", "P7D", StringComparison.Ordinal);
        var v2 = await Ok(HttpMethod.Put, $"api/drafts/{id}", new { yaml = edited, author = "Bo", note = "a week" });
        Assert.Equal(2, (int)v2["version"]!);

        var list = (await Ok(HttpMethod.Get, $"api/drafts/{id}/versions", null)).AsArray();
        Assert.Equal([2, 1], list.Select(v => (int)v!["version"]!).ToArray());
        Assert.Equal(["Bo", "Ana"], list.Select(v => (string)v!["author"]!).ToArray());
        Assert.Equal("a week", (string?)list[0]!["note"]);
        Assert.Null(list[0]!["yaml"]);
        Assert.Equal(Template, (string?)(await Ok(HttpMethod.Get, $"api/drafts/{id}/versions/1", null))["yaml"]);
        Assert.Equal(edited, (string?)(await Ok(HttpMethod.Get, $"api/drafts/{id}", null))["yaml"]);

        var v3 = await Ok(HttpMethod.Post, $"api/drafts/{id}/versions/1/restore", new { author = "Cy" });
        Assert.Equal(3, (int)v3["version"]!);
        Assert.Equal("restored version 1", (string?)v3["note"]);
        Assert.Equal(Template, (string?)(await Ok(HttpMethod.Get, $"api/drafts/{id}", null))["yaml"]);
        Assert.Equal(3, (await Ok(HttpMethod.Get, $"api/drafts/{id}/versions", null)).AsArray().Count);

        var (missing, p) = await Send(HttpMethod.Get, $"api/drafts/{id}/versions/9", null);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("version", (string?)p["field"]);
        var (bad, q) = await Send(HttpMethod.Get, $"api/drafts/{id}/versions/0", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("version", (string?)q["field"]);
        var (longAuthor, r) = await Send(HttpMethod.Put, $"api/drafts/{id}", new { yaml = Template, author = new string('a', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, longAuthor);
        Assert.Equal("author", (string?)r["field"]);
    }

    [Fact]
    public async Task Diff_against_a_saved_version_dropping_the_threshold_adds_the_36_scenarios_it_excluded()
    {
        var id = $"studio-diff-{Guid.NewGuid():N}"[..26];
        await Ok(HttpMethod.Put, $"api/drafts/{id}", new { yaml = UsDraft, author = "Ana", note = "as leaked" });
        var noThreshold = UsDraft.Replace("      threshold:\n        all_of: [significant, deliberate, sustained]\n        quote: significant, deliberate and sustained\n", "", StringComparison.Ordinal);
        Assert.NotEqual(UsDraft, noThreshold);

        var d = await Ok(HttpMethod.Post, "api/studio/diff", new { yaml = noThreshold, against = new { draft = id, version = 1 } });
        Assert.Equal("drafts/usa-ukr-draft-2025-11.yaml@1", (string?)d["a"]!["file"]);
        var change = Assert.Single(d["changes"]!.AsArray())!;
        Assert.Equal("provision guarantee", (string?)change["where"]);
        Assert.Equal("trigger.threshold", (string?)change["field"]);
        // As pacta diff usa-ukr-draft-2025-11 no-threshold.yaml: significant=no, deliberate=no, sustained=no after the
        // ceasefire, RUS attacking: 3 cases × 6 places × 2 days.
        Assert.Equal(36, (int)d["outcome"]!["added"]!);
        Assert.Equal(0, (int)d["outcome"]!["removed"]!);

        var byId = await Ok(HttpMethod.Post, "api/studio/diff", new { yaml = noThreshold, against = new { agreement = "usa-ukr-draft-2025-11" } });
        Assert.Equal(36, (int)byId["outcome"]!["added"]!);

        var (status, p) = await Send(HttpMethod.Post, "api/studio/diff", new { yaml = noThreshold });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("against", (string?)p["field"]);
    }
}
