using Pacta.Workspace;

namespace Pacta.Tests.Sessions;

/// <summary>The workspace session: scenarios parsed once for every host, and drafts read from text as overlays.</summary>
public sealed class PactaSessionTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static readonly ScenarioNames Cli = new(f => "--" + f.ToString().ToLowerInvariant(), f => "--" + f.ToString().ToLowerInvariant());

    private static ScenarioInput Input(string? attacker, string? target, string? date, string? location = null,
        string[]? ceasefire = null, string[]? adopted = null, string[]? member = null) =>
        new(attacker, target, date, null, location, ceasefire ?? [], adopted ?? [], member ?? []);

    /// <summary>A mutual defence pact between Estonia and Finland that the corpus does not hold.</summary>
    private const string EstFinDraft = """
        id: est-fin-draft
        title: Draft Estonian-Finnish defence pact
        form: treaty
        status: in-force
        bindingness: legal
        dates:
          signed: 2025-01-01
          in_force: 2025-01-01
          ends: open
        parties:
          - state: EST
            role: member
            from: 2025-01-01
            to: open
          - state: FIN
            role: member
            from: 2025-01-01
            to: open
        sources:
          - id: draft
            url: https://example.org/draft
            supports: the drafted text
            reliability: weak
        provisions:
          - id: art-1
            citation: Art. 1
            kind: defense
            summary: Each party defends the other when it is attacked.
            sources: [draft]
            trigger:
              kinds: [armed-attack]
              target: any-member
              attacker: anyone
            obligations:
              - obligor: other-parties
                beneficiary: target
                action: Assist the attacked party with armed force.
                strength: automatic
        """;

    [Fact]
    public void Parser_reports_every_field_at_fault_in_reading_order()
    {
        var parsed = Session.Value.Parse(Input("Atlantis", "EST", "2025-13-01", adopted: ["no-such-pact"], member: ["UKR"]), Cli);
        Assert.False(parsed.Ok);
        Assert.Equal([ScenarioField.Attacker, ScenarioField.Date, ScenarioField.Adopted, ScenarioField.Member], parsed.Errors.Select(e => e.Field));
        Assert.Equal("'2025-13-01' is not a date (expected YYYY-MM-DD)", parsed.Errors[1].Message);
        Assert.StartsWith("unknown agreement 'no-such-pact'", parsed.Errors[2].Message);
        Assert.Equal("'UKR' must be STATE:AGREEMENT-OR-ORGANIZATION[:DATE]", parsed.Errors[3].Message);
    }

    [Fact]
    public void Sentences_name_fields_the_way_each_host_does()
    {
        var web = new ScenarioNames(f => f.ToString().ToLowerInvariant(), f => f switch
        {
            ScenarioField.Attacker => "the attacker",
            ScenarioField.Target => "the target",
            _ => f.ToString().ToLowerInvariant(),
        });
        var cli = Session.Value.Parse(Input("RUS", "Russia", "2025-06-01"), Cli).Errors.Single();
        var api = Session.Value.Parse(Input("RUS", "Russia", "2025-06-01"), web).Errors.Single();
        Assert.Equal("--attacker and --target are the same state (Russia)", cli.Message);
        Assert.Equal("the attacker and the target are the same state (Russia)", api.Message);
        Assert.True(cli.Standalone);
        Assert.Equal("'target' is required (a COW number, COW letters, ISO3, ISO2 or a name)",
            Session.Value.Parse(Input("RUS", null, "2025-06-01"), web).Errors.Single().Message);
    }

    [Fact]
    public void A_ceasefire_with_more_than_a_conflict_and_a_date_is_refused()
    {
        var parsed = Session.Value.Parse(Input("RUS", "UKR", "2027-03-01", ceasefire: ["russia-ukraine-war-2022:2026-01-01:junk"]), Cli);
        Assert.Equal("'russia-ukraine-war-2022:2026-01-01:junk' must be DATE or CONFLICT:DATE", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void A_valid_scenario_defaults_the_place_to_the_targets_country()
    {
        var parsed = Session.Value.Parse(Input("RUS", "EST", "2025-06-01T12:30", member: ["UKR:nato:2026-01-01"]), Cli);
        Assert.True(parsed.Ok, string.Join("; ", parsed.Errors));
        Assert.Equal("EE", parsed.Scenario!.Event.Location.Code);
        Assert.Equal(new TimeOnly(12, 30), parsed.Scenario.Event.Time);
        Assert.Equal(new DateOnly(2026, 1, 1), Assert.Single(parsed.Scenario.Assumptions.Members).From);
    }

    [Fact]
    public void A_draft_from_text_joins_the_corpus_of_a_new_session_only()
    {
        var scenario = Session.Value.Parse(Input("RUS", "EST", "2025-06-01"), Cli).Scenario!;
        var drafted = Session.Value.WithDraft("est-fin-draft", EstFinDraft);
        Assert.True(drafted.Ok, string.Join("; ", drafted.Errors));

        var withDraft = drafted.Session!.Evaluate(scenario).Triggered.Where(t => t.Agreement.Id == "est-fin-draft").ToList();
        Assert.Equal("FIN", Assert.Single(withDraft).Obligor.Cowc);
        Assert.Equal("drafts/est-fin-draft.yaml", withDraft[0].Agreement.Position.File);
        Assert.DoesNotContain(Session.Value.Evaluate(scenario).Triggered, t => t.Agreement.Id == "est-fin-draft");
        Assert.Equal(Session.Value.Corpus.Agreements.Count + 1, drafted.Session.Corpus.Agreements.Count);
    }

    [Fact]
    public void A_draft_with_errors_names_the_draft_line_and_column()
    {
        var broken = EstFinDraft.Replace("state: FIN", "state: Atlantis", StringComparison.Ordinal);
        var drafted = Session.Value.WithDraft("est-fin-draft", broken);
        Assert.False(drafted.Ok);
        var error = drafted.Errors.First();
        Assert.Equal("drafts/est-fin-draft.yaml", error.File);
        Assert.Equal(15, error.Line);
        Assert.Contains("Atlantis", error.Message);
    }

    [Fact]
    public void A_draft_may_name_the_corpus_agreements_but_not_unknown_ones()
    {
        var related = EstFinDraft + "\nrelated:\n  - agreement: north-atlantic-treaty-1949\n    relation: successor-of\n";
        Assert.True(Session.Value.WithDraft("est-fin-draft", related).Ok);
        var unknown = Session.Value.WithDraft("est-fin-draft", related.Replace("north-atlantic-treaty-1949", "north-atlantic-treaty-1948", StringComparison.Ordinal));
        Assert.Contains("unknown agreement id 'north-atlantic-treaty-1948'", Assert.Single(unknown.Errors).Message);
    }
}
