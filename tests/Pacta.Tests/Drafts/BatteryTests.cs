using Pacta.Domain;
using Pacta.Evaluation.Drafts;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Drafts;

/// <summary>The default battery expanded for the US draft of November 2025, worked by hand.</summary>
public sealed class BatteryTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static Battery Default => BatteryFile.Load(Repo.Path("data/battery/default.yaml"), Session.Value.Corpus);

    private static Agreement UsDraft => Session.Value.Corpus.Agreements.Single(a => a.Id == "usa-ukr-draft-2025-11");

    [Fact]
    public void Attackers_UkraineIn2026_SevenNeighboursAndTheMajorPowers()
    {
        var attackers = BatteryScenarios.Attackers(Session.Value.Corpus.States.Resolve("UKR").State!, new DateOnly(2026, 6, 1), Default,
            Session.Value.Corpus, DraftInput.AttackerData(Session.Value));

        // Land borders: Belarus, Hungary, Moldova, Poland, Romania, Russia, Slovakia; COW majors in 2016 (taken as still
        // running): China, France, Germany, Japan, Russia, UK, USA. Ukraine fought in no COW inter-state war (to 2007).
        Assert.Equal(["BLR", "CHN", "DEU", "FRA", "GBR", "HUN", "JPN", "MDA", "POL", "ROU", "RUS", "SVK", "USA"], attackers.Select(a => a.State.Code));
        Assert.Equal("contiguous", attackers.Single(a => a.State.Code == "RUS").Why);
        Assert.Equal("major power", attackers.Single(a => a.State.Code == "CHN").Why);
    }

    [Fact]
    public void Expand_UsDraft_3744ScenariosAsCountedByHand()
    {
        var scenarios = BatteryScenarios.Expand(Default, [UsDraft], Session.Value.Corpus, DraftInput.AttackerData(Session.Value));

        // One protected party (UKR); 13 attackers; 6 places (UA, capital UA-30, border UA-63 and UA-07, occupied UA-14
        // and UA-43); 2 days; with and without the ceasefire; 2 kinds; 6 attribute cases (unknown, all met,
        // significant=no, deliberate=no, sustained=no, target-attacked-first=yes); no contested clause.
        Assert.Equal(13 * 6 * 2 * 2 * 2 * 6, scenarios.Count);
        Assert.Equal(["unknown", "all met", "significant=no", "deliberate=no", "sustained=no", "target-attacked-first=yes"],
            BatteryScenarios.AttributeCases([UsDraft], vary: true).Select(c => c.Name));
        Assert.Equal(["UA", "UA-30", "UA-63", "UA-07", "UA-14", "UA-43"],
            BatteryScenarios.Places(Session.Value.Corpus.States.Resolve("UKR").State!, Default, [UsDraft], Session.Value.Corpus).Select(p => p.Place.Code));
    }

    [Fact]
    public void ReadingCombinations_KyivCompact_EachReadingOfItsClauses()
    {
        var compact = Session.Value.Corpus.Agreements.Single(a => a.Id == "kyiv-security-compact-2022");
        var combos = BatteryScenarios.ReadingCombinations(compact);

        var expected = compact.Contested.Aggregate(1, (n, c) => n * c.Readings.Count);
        Assert.Equal(expected, combos.Count);
        Assert.True(combos.Count >= 2);
        Assert.All(combos[0], c => Assert.Equal(compact.Contested.Single(x => x.Id == c.Clause && x.Provision == c.Provision).Default, c.Reading));
    }
}

/// <summary>The shortcut of the assessment (the draft evaluated apart, the baseline shared) gives the full evaluation's answers.</summary>
public sealed class DraftAssessmentTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    [Fact]
    public void Run_DraftApartOrWithTheWholeCorpus_SameResults()
    {
        var corpus = Session.Value.Corpus;
        var draft = corpus.Agreements.Single(a => a.Id == "usa-ukr-draft-2025-11");
        // A relation without meaning to the engine forces the full evaluation (the draft among all agreements).
        var related = draft with { Related = [new AgreementRelation("peace-framework-2025-12", Relation.SuccessorOf, Position.None)] };
        var battery = BatteryFile.Load(Repo.Path("data/battery/default.yaml"), corpus) with { Dates = [new DateOnly(2026, 6, 1)] };
        var scenarios = BatteryScenarios.Expand(battery, [draft], corpus, DraftInput.AttackerData(Session.Value));

        var apart = new DraftAssessment(draft, corpus).Run(scenarios, battery);
        var whole = new DraftAssessment(related, corpus).Run(scenarios, battery);

        Assert.Equal(scenarios.Count, apart.Count);
        Assert.Contains(apart, r => r.Draft.Count > 0);
        for (var i = 0; i < apart.Count; i++)
        {
            static string Text(IEnumerable<DutyFound> d) => string.Join(";", d.Select(x => $"{x.Key}|{x.Strength}|{x.DeadlineText}|{x.Undecided}").Order(StringComparer.Ordinal));
            Assert.Equal(Text(whole[i].All), Text(apart[i].All));
            Assert.Equal(Text(whole[i].Without), Text(apart[i].Without));
            Assert.Equal(whole[i].Coverage, apart[i].Coverage);
        }
    }
}
