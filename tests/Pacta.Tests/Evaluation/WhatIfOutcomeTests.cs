using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Workspace;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// The evaluator decides eagerly and words explanations (and the reasons of provisions not triggered) when they
/// are first read; the JSON is written straight to UTF-8. These tests hold the pieces to each other over the
/// whole corpus (hand-encoded and ATOP): every decision agrees with its explanation, explanations do not depend
/// on when or in which order they are read, and the streamed JSON is the document's text.
/// </summary>
public sealed class WhatIfOutcomeTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());
    private static readonly Lazy<Evaluator> Full = new(() => new Evaluator(Session.Value.Corpus));

    private static Corpus Corpus => Session.Value.Corpus;

    private static readonly ScenarioNames Options = new(f => "--" + Words.Of(f), f => "--" + Words.Of(f));

    public static TheoryData<string> Scenarios => new()
    {
        // The golden scenarios …
        "--attacker RUS --target EST --date 2025-06-01 --location EE",
        "--attacker RUS --target SWE --date 2023-06-01 --location SE-I",
        "--attacker RUS --target SWE --date 2024-06-01 --location SE-I",
        "--attacker RUS --target UKR --date 2027-03-01 --location UA-63 --assume-ceasefire 2026-01-01",
        "--attacker RUS --target UKR --date 2027-03-01 --location UA-63",
        "--attacker RUS --target UKR --date 2027-03-01 --location UA-63 --assume-ceasefire 2026-01-01 --assume-adopted kyiv-security-compact-2022",
        "--attacker ARG --target GBR --date 1982-04-02 --location FK",
        // … and the paths they leave out: assumed members, adoption not yet effective, suspensions (ANZUS),
        // historical holders (divided Germany), other event kinds, a time of day, territory of another party.
        "--attacker RUS --target UKR --date 2027-03-01 --location UA-63 --assume-member UKR:nato:2026-01-01 --assume-ceasefire 2026-01-01",
        "--attacker RUS --target EST --date 2025-06-01 --location EE --assume-adopted kyiv-security-compact-2022:2030-01-01",
        "--attacker USA --target NZ --date 1990-01-01 --location NZ",
        "--attacker GDR --target GFR --date 1985-08-01 --location DE",
        "--attacker CHN --target JPN --date 2025-06-01 --location JP --kind aggression-with-nuclear-weapons",
        "--attacker RUS --target FIN --date 2024-01-01 --location FI --kind threat-of-attack",
        "--attacker USA --target PRK --date 2025-06-01T12:30 --location KP",
        "--attacker RUS --target DEU --date 2025-06-01 --location FR",
        "--attacker RUS --target USA --date 2025-06-01 --location US-HI",
        "--attacker PRK --target KOR --date 2025-06-01 --location KR",
    };

    /// <summary>The scenario of "--option value" pairs, read by the workspace's parser as the CLI reads it.</summary>
    private static (Event Event, Assumptions Assumptions) Read(string args)
    {
        var t = args.Split(' ');
        var pairs = Enumerable.Range(0, t.Length / 2).Select(i => (Key: t[2 * i], Value: t[2 * i + 1])).ToList();
        string? One(string key) => pairs.Where(p => p.Key == key).Select(p => p.Value).SingleOrDefault();
        string[] Many(string key) => pairs.Where(p => p.Key == key).Select(p => p.Value).ToArray();
        var parsed = Session.Value.Parse(new ScenarioInput(One("--attacker"), One("--target"), One("--date"), One("--kind"), One("--location"),
            Many("--assume-ceasefire"), Many("--assume-adopted"), Many("--assume-member")), Options);
        Assert.Empty(parsed.Errors);
        return (parsed.Scenario!.Event, parsed.Scenario.Assumptions);
    }

    private static Outcome Evaluate(string args)
    {
        var (e, a) = Read(args);
        return Full.Value.Evaluate(e, a);
    }

    private static IEnumerable<Explanation> Nodes(Explanation e) => [e, .. e.Children.SelectMany(Nodes)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryDecision_AgreesWithItsExplanation(string args)
    {
        var o = Evaluate(args);
        Assert.NotEmpty(o.NotTriggered);
        foreach (var t in o.Triggered)
        {
            Assert.Equal(CheckResult.Met, t.Explanation.Result);
            Assert.DoesNotContain(Nodes(t.Explanation), n => n.Result == CheckResult.NotMet);
            Assert.Contains($"{t.Obligor.Name} owes {t.Beneficiary.Name}", t.Explanation.Check);
        }
        foreach (var b in o.Breached)
        {
            Assert.Equal(CheckResult.Met, b.Explanation.Result);
            Assert.DoesNotContain(Nodes(b.Explanation), n => n.Result == CheckResult.NotMet);
        }
        foreach (var n in o.NotTriggered)
        {
            Assert.Equal(CheckResult.NotMet, n.Explanation.Result);
            var first = n.Explanation.FirstNotMet();
            Assert.NotNull(first);
            Assert.NotSame(n.Explanation, first);
            Assert.True(n.Reason == first.Check || n.Reason == "promise not broken: " + first.Check, n.Reason);
        }
    }

    [Fact]
    public void Explanations_AreTheSame_WhicheverOrderOrThreadReadsThem()
    {
        const string estonia = "--attacker RUS --target EST --date 2025-06-01 --location EE";
        const string kharkiv = "--attacker RUS --target UKR --date 2027-03-01 --location UA-63 --assume-ceasefire 2026-01-01 --assume-adopted kyiv-security-compact-2022";
        var forward = Evaluate(estonia);
        var backward = Evaluate(estonia);
        var parallel = Evaluate(estonia);
        // Another evaluation between deciding and wording: explanations must not read state it could change.
        var other = Evaluate(kharkiv);

        static List<string> Texts(Outcome o) =>
            [.. o.Triggered.Select(t => ExplanationText.Render(t.Explanation)),
             .. o.Breached.Select(b => ExplanationText.Render(b.Explanation)),
             .. o.NotTriggered.Select(n => n.Reason + "\n" + ExplanationText.Render(n.Explanation))];

        var expected = Texts(forward);
        foreach (var n in backward.NotTriggered.Reverse()) _ = n.Reason;
        foreach (var t in backward.Triggered.Reverse()) _ = t.Explanation;
        Parallel.ForEach(parallel.Triggered.Concat<object>(parallel.NotTriggered), item =>
        {
            if (item is TriggeredObligation t) _ = ExplanationText.Render(t.Explanation);
            else _ = ((NotTriggered)item).Reason;
        });
        Assert.Equal(expected, Texts(backward));
        Assert.Equal(expected, Texts(parallel));
        Assert.Equal(Texts(Evaluate(kharkiv)), Texts(other));
        // Read twice, the same tree: once worded, an explanation is kept.
        Assert.Same(forward.Triggered[0].Explanation, forward.Triggered[0].Explanation);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void StreamedJson_IsTheDocumentsText(string args)
    {
        var streamed = OutcomeJson.ToJsonString(Corpus, Evaluate(args));
        var document = JsonShapes.Write(OutcomeJson.Outcome(Corpus, Evaluate(args)));
        Assert.Equal(document, streamed);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(document), OutcomeJson.ToUtf8(Corpus, Evaluate(args), OutcomeJson.Indented));
    }

    [Fact]
    public void TriggeredObligations_CarryDecisionsWithoutExplaining()
    {
        var estonia = Evaluate("--attacker RUS --target EST --date 2025-06-01 --location EE");
        var art5 = estonia.Triggered.Where(t => t.Agreement.Id == "north-atlantic-treaty-1949" && t.Provision.Citation == "Art. 5").ToList();
        Assert.Equal(31, art5.Count);
        Assert.All(art5, t => Assert.Equal("EST", t.Beneficiary.Iso3));
        Assert.DoesNotContain(art5, t => t.Obligor.Iso3 == "EST");
        Assert.All(art5, t => Assert.False(t.Hypothetical));
        // Deadlines are absolute instants from the event's time; obligations of an adopted proposal are hypothetical.
        var kharkiv = Evaluate("--attacker RUS --target UKR --date 2027-03-01T06:00 --location UA-63 --assume-ceasefire 2026-01-01 --assume-adopted kyiv-security-compact-2022");
        var timed = kharkiv.Triggered.Where(t => t.Obligation.Deadline is not null).ToList();
        Assert.NotEmpty(timed);
        Assert.All(timed, t => Assert.Equal(t.Obligation.Deadline!.AddTo(kharkiv.Event.Instant), t.Deadline));
        Assert.Contains(kharkiv.Triggered, t => t.Agreement.Id == "kyiv-security-compact-2022" && t.Hypothetical);
    }
}
