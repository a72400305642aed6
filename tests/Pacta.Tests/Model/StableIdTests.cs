using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Workspace;

namespace Pacta.Tests.Model;

/// <summary>Provisions and obligations are known by agreement, provision and place, not by file position.</summary>
public sealed class StableIdTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private const string Draft = """
        id: stable-draft
        title: Draft pact
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
        provisions:
          - id: art-1
            citation: Art. 1
            kind: defense
            summary: Each party defends the other.
            sources: [draft]
            trigger:
              kinds: [armed-attack]
              target: any-member
              attacker: anyone
            obligations:
              - obligor: other-parties
                beneficiary: target
                action: Consult.
                strength: consultative
              - obligor: other-parties
                beneficiary: target
                action: Assist with armed force.
                strength: automatic
        """;

    private static List<TriggeredObligation> Triggered(string yaml)
    {
        var drafted = Session.Value.WithDraft("stable-draft", yaml);
        Assert.True(drafted.Ok, string.Join("; ", drafted.Errors));
        var scenario = drafted.Session!.Parse(new ScenarioInput("RUS", "EST", "2025-06-01", null, null, [], [], []),
            new ScenarioNames(f => f.ToString(), f => f.ToString())).Scenario!;
        return [.. drafted.Session.Evaluate(scenario).Triggered.Where(t => t.Agreement.Id == "stable-draft")];
    }

    [Fact]
    public void Obligation_ids_follow_agreement_provision_and_order_not_the_line()
    {
        var plain = Triggered(Draft);
        // The same text moved down by comment lines: other positions, the same ids.
        var moved = Triggered("# a comment\n# another\n\n" + Draft);
        Assert.Equal(2, plain.Count);
        Assert.NotEqual(plain[0].Obligation.Position.Line, moved[0].Obligation.Position.Line);
        var ids = plain.Select(t => StableIds.Obligation(t.Agreement, t.Provision, t.Obligation)).ToList();
        Assert.Equal(["stable-draft/art-1/1", "stable-draft/art-1/2"], ids.Order());
        Assert.Equal(ids, moved.Select(t => StableIds.Obligation(t.Agreement, t.Provision, t.Obligation)));
        Assert.Equal("stable-draft/art-1", StableIds.Provision(plain[0].Agreement, plain[0].Provision));
    }

    [Fact]
    public void What_if_json_and_agreement_json_carry_the_ids()
    {
        var session = Session.Value;
        var scenario = session.Parse(new ScenarioInput("RUS", "EST", "2025-06-01", null, null, [], [], []),
            new ScenarioNames(f => f.ToString(), f => f.ToString())).Scenario!;
        var outcome = session.Evaluate(scenario);
        var triggered = OutcomeJson.Outcome(session.Corpus, outcome)["triggered"]!.AsArray();
        Assert.NotEmpty(triggered);
        Assert.All(triggered, t => Assert.StartsWith($"{t!["agreement"]}/{t["provision_id"]}/", (string)t["obligation_id"]!));
        Assert.Contains(triggered, t => (string)t!["obligation_id"]! == "north-atlantic-treaty-1949/art-5/1");

        var nato = JsonShapes.Agreement(session.Corpus, session.Corpus.Agreement("north-atlantic-treaty-1949")!);
        var art5 = nato["provisions"]!.AsArray().Single(p => (string)p!["id"]! == "art-5")!;
        Assert.Equal("north-atlantic-treaty-1949/art-5", (string)art5["stable_id"]!);
        Assert.Equal("north-atlantic-treaty-1949/art-5/1", (string)art5["obligations"]![0]!["id"]!);
    }
}
