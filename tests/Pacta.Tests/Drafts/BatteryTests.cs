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
    public void Attackers_UkraineIn2026_SevenNeighboursTheMajorPowersAndSerbiaByDispute()
    {
        var attackers = BatteryScenarios.Attackers(Session.Value.Corpus.States.Resolve("UKR").State!, new DateOnly(2026, 6, 1), Default,
            Session.Value.Corpus, DraftInput.AttackerData(Session.Value));

        // Land borders: Belarus, Hungary, Moldova, Poland, Romania, Russia, Slovakia; COW majors in 2016 (taken as still
        // running): China, France, Germany, Japan, Russia, UK, USA. Ukraine fought in no COW inter-state war (to 2007).
        // GML MID 2.2.1 (data/mids, ccode1 = 369): disputes with Moldova (359; 2003, 2009), Romania (360; 1997), Russia
        // (365; 1992-2008) and Yugoslavia/Serbia (345; 2000): only Serbia is not already a neighbour.
        Assert.Equal(["BLR", "CHN", "DEU", "FRA", "GBR", "HUN", "JPN", "MDA", "POL", "ROU", "RUS", "SRB", "SVK", "USA"], attackers.Select(a => a.State.Code));
        Assert.Equal("contiguous", attackers.Single(a => a.State.Code == "RUS").Why);
        Assert.Equal("militarized dispute (last 2000)", attackers.Single(a => a.State.Code == "SRB").Why);
        Assert.Equal("major power", attackers.Single(a => a.State.Code == "CHN").Why);
    }

    [Fact]
    public void Attackers_MidsFromAYear_OnlyDisputesFromThatYearOn()
    {
        var ukraine = Session.Value.Corpus.States.Resolve("UKR").State!;
        var data = DraftInput.AttackerData(Session.Value);
        // No neighbours, wars or majors: the disputes alone. From 2001 on: Moldova (2003, 2009) and Russia (to 2008);
        // Romania (1997) and Serbia (2000) are earlier. none: no attacker at all.
        var only = Default with { ContiguityType = 0, Wars = false, Majors = false, MidsFrom = 2001 };
        Assert.Equal(["MDA", "RUS"], BatteryScenarios.Attackers(ukraine, new DateOnly(2026, 6, 1), only, Session.Value.Corpus, data).Select(a => a.State.Code));
        Assert.Equal("militarized dispute (last 2009)", BatteryScenarios.Attackers(ukraine, new DateOnly(2026, 6, 1), only, Session.Value.Corpus, data)[0].Why);
        Assert.Empty(BatteryScenarios.Attackers(ukraine, new DateOnly(2026, 6, 1), only with { MidsFrom = null }, Session.Value.Corpus, data));
    }

    [Fact]
    public void Places_Denmark_GreenlandAndTheFaroesAreOverseasClasses()
    {
        var denmark = Session.Value.Corpus.States.Resolve("DNK").State!;
        // data/locations: FO and GL have DK as sovereign under codes of their own; the battery names no class for DK.
        var places = BatteryScenarios.Places(denmark, Default, [UsDraft], Session.Value.Corpus);
        Assert.Equal([("territory", "DK"), ("overseas", "FO"), ("overseas", "GL")], places.Select(p => (p.Class, p.Place.Code)));
        Assert.Equal(["DK"], BatteryScenarios.Places(denmark, Default with { Overseas = false }, [UsDraft], Session.Value.Corpus).Select(p => p.Place.Code));
    }

    [Fact]
    public void Load_MidsAndOverseas_DefaultsAndLocatedErrors()
    {
        Assert.Equal(1816, Default.MidsFrom);
        Assert.True(Default.Overseas);
        var dir = Directory.CreateTempSubdirectory("pacta-battery");
        try
        {
            var file = Path.Combine(dir.FullName, "b.yaml");
            File.WriteAllText(file, "dates: [2026-06-01]\nkinds: [armed-attack]\nattackers:\n  mids: 1990\noverseas: no\n");
            var b = BatteryFile.Load(file, Session.Value.Corpus);
            Assert.Equal(1990, b.MidsFrom);
            Assert.False(b.Overseas);
            File.WriteAllText(file, "dates: [2026-06-01]\nkinds: [armed-attack]\nattackers:\n  mids: recent\n");
            var e = Assert.Throws<PactaException>(() => BatteryFile.Load(file, Session.Value.Corpus));
            Assert.Contains(":4:9: error: mids: 'recent' must be all, none or a first year from 1816", e.Message);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Expand_UsDraft_4032ScenariosAsCountedByHand()
    {
        var scenarios = BatteryScenarios.Expand(Default, [UsDraft], Session.Value.Corpus, DraftInput.AttackerData(Session.Value));

        // One protected party (UKR); 14 attackers (with Serbia by dispute); 6 places (UA, capital UA-30, border UA-63 and UA-07, occupied UA-14
        // and UA-43); 2 days; with and without the ceasefire; 2 kinds; 6 attribute cases (unknown, all met,
        // significant=no, deliberate=no, sustained=no, target-attacked-first=yes); no contested clause.
        Assert.Equal(14 * 6 * 2 * 2 * 2 * 6, scenarios.Count);
        Assert.Equal(["unknown", "all met", "significant=no", "deliberate=no", "sustained=no", "target-attacked-first=yes"],
            BatteryScenarios.AttributeCases([UsDraft], vary: true).Select(c => c.Name));
        Assert.Equal(["UA", "UA-30", "UA-63", "UA-07", "UA-14", "UA-43"],
            BatteryScenarios.Places(Session.Value.Corpus.States.Resolve("UKR").State!, Default, [UsDraft], Session.Value.Corpus).Select(p => p.Place.Code));
    }

    /// <summary>The US draft with its guarantee extended to Ukraine's forces, vessels and aircraft over the Black Sea.</summary>
    private static Agreement UsDraftAtSea => UsDraft with
    {
        Provisions = [.. UsDraft.Provisions.Select(p => p.Trigger is { } t && p.Id == "guarantee"
            ? p with { Trigger = t with { Scope = t.Scope with { Include = [.. t.Scope.Include, "sea-air:black-sea"] } } } : p)],
    };

    [Fact]
    public void Places_ASeaAreaTheScopeNames_IsASeaAirClass()
    {
        var ukraine = Session.Value.Corpus.States.Resolve("UKR").State!;
        var places = BatteryScenarios.Places(ukraine, Default, [UsDraftAtSea], Session.Value.Corpus);
        // The six land places of the US draft, then the Black Sea its scope now names.
        Assert.Equal(("sea-air", "sea-air:black-sea"), (places[^1].Class, places[^1].Place.Code));
        Assert.Equal(7, places.Count);
        // NATO's Art. 5 names two sea areas: each is a class of every member's battery, e.g. the United States'.
        var nato = Session.Value.Corpus.Agreements.Single(a => a.Id == "north-atlantic-treaty-1949");
        var us = BatteryScenarios.Places(Session.Value.Corpus.States.Resolve("USA").State!, Default, [nato], Session.Value.Corpus);
        Assert.Equal(["sea-air:mediterranean-sea", "sea-air:north-atlantic-north-of-tropic-of-cancer"],
            us.Where(p => p.Class == "sea-air").Select(p => p.Place.Code));
    }

    [Fact]
    public void Run_ASeaArea_TheDraftAddsWhatNoAgreementInForceGivesAtSea()
    {
        var corpus = Session.Value.Corpus;
        var battery = Default with { Dates = [new DateOnly(2026, 6, 1)] };
        var scenarios = BatteryScenarios.Expand(battery, [UsDraftAtSea], corpus, DraftInput.AttackerData(Session.Value))
            .Where(s => s.Place.IsSeaAir && s.Attacker.Code == "RUS" && s.Ceasefire && s.Kind == TriggerKind.ArmedAttack && s.AttributeCase == "all met").ToList();
        var r = Assert.Single(new DraftAssessment(UsDraftAtSea, corpus).Run(scenarios, battery));
        // Russia attacks a Ukrainian ship in the Black Sea after the ceasefire, every threshold met: the US owes its
        // guarantee; without the draft no agreement in force covers an attack at sea (their scopes name no sea area).
        Assert.Contains(r.Draft, d => d.Who == "USA");
        Assert.Empty(r.Without);
        Assert.Equal(Coverage.Covered, r.Coverage);
    }

    [Fact]
    public void Load_PlacesMayListSeaAreas()
    {
        var dir = Directory.CreateTempSubdirectory("pacta-battery");
        try
        {
            var file = Path.Combine(dir.FullName, "b.yaml");
            File.WriteAllText(file, "dates: [2026-06-01]\nkinds: [armed-attack]\nplaces:\n  UA:\n    sea: [sea-air:black-sea]\n");
            var b = BatteryFile.Load(file, Session.Value.Corpus);
            Assert.Equal(["sea-air:black-sea"], b.Places["UA"].Single().Codes);
            File.WriteAllText(file, "dates: [2026-06-01]\nkinds: [armed-attack]\nplaces:\n  UA:\n    sea: [sea-air:azov]\n");
            var e = Assert.Throws<PactaException>(() => BatteryFile.Load(file, Session.Value.Corpus));
            Assert.Contains(":5:11: error: places.UA.sea: 'sea-air:azov' is not a location of UA nor a sea/air area (sea-air:ID)", e.Message);
        }
        finally { dir.Delete(true); }
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

    [Theory]
    [InlineData("usa-ukr-2024")]
    [InlineData("usa-ukr-draft-2025-11")]
    public void Run_FastPath_SameResultsAsPlainPath(string id)
    {
        var corpus = Session.Value.Corpus;
        var draft = corpus.Agreements.Single(a => a.Id == id);
        var battery = BatteryFile.Load(Repo.Path("data/battery/default.yaml"), corpus);
        var scenarios = BatteryScenarios.Expand(battery, [draft], corpus, DraftInput.AttackerData(Session.Value));

        var shared = new DraftAssessment(draft, corpus);
        var plain = new DraftAssessment(draft, corpus, fast: false);
        var fast = shared.Run(scenarios, battery);
        var slow = plain.Run(scenarios, battery);

        // The sharing must actually happen (places of Ukraine that no scope tells apart), or this test checks nothing.
        Assert.True(shared.BaselineCount < plain.BaselineCount, $"{shared.BaselineCount} shared vs {plain.BaselineCount} plain baselines");
        Assert.Equal(slow.Count, fast.Count);
        Assert.Contains(fast, r => r.Without.Count > 0);
        static string Text(IEnumerable<DutyFound> d) => string.Join(";", d.Select(x =>
            $"{x.Agreement}|{x.Provision}|{x.Obligor.Cow}|{x.Organization}|{x.Action}|{x.Strength}|{x.Bindingness}|{x.Deadline}|{x.DeadlineText}|{x.Undecided}|{string.Join(",", x.UndecidedBy)}"));
        for (var i = 0; i < fast.Count; i++)
        {
            Assert.Same(slow[i].Scenario, fast[i].Scenario);
            Assert.Equal(Text(slow[i].Draft), Text(fast[i].Draft));
            Assert.Equal(Text(slow[i].All), Text(fast[i].All));
            Assert.Equal(Text(slow[i].Without), Text(fast[i].Without));
            Assert.Equal(slow[i].Coverage, fast[i].Coverage);
        }
    }

    [Fact]
    public void Run_KeptBaselines_SameResultsAsFreshAndNoBaselineEvaluatedAgain()
    {
        // A warm server keeps the baselines of its first assessment; an edit of the draft (here: the guarantee made
        // automatic) re-evaluates the draft alone and must answer as a fresh assessment over the plain path does.
        var corpus = Session.Value.Corpus;
        var draft = corpus.Agreements.Single(a => a.Id == "usa-ukr-draft-2025-11");
        var edited = draft with
        {
            Provisions = [.. draft.Provisions.Select(p => p.Id != "guarantee" ? p : p with { Obligations = [.. p.Obligations.Select(o => o with { Strength = Strength.Automatic })] })],
        };
        var battery = BatteryFile.Load(Repo.Path("data/battery/default.yaml"), corpus) with { Dates = [new DateOnly(2026, 6, 1)] };
        var data = DraftInput.AttackerData(Session.Value);
        var kept = new Baselines(corpus, Baselines.Replaced(corpus, draft.Id));
        Assert.Equal("usa-ukr-draft-2025-11", kept.ReplacedId);
        Assert.DoesNotContain(kept.Without.Agreements, a => a.Id == draft.Id);

        new DraftAssessment(draft, kept).Run(BatteryScenarios.Expand(battery, [draft], corpus, data), battery);
        var made = kept.Count;
        Assert.True(made > 0);
        var scenarios = BatteryScenarios.Expand(battery, [edited], corpus, data);
        var warm = new DraftAssessment(edited, kept).Run(scenarios, battery);
        var plain = new DraftAssessment(edited, corpus, fast: false).Run(scenarios, battery);

        Assert.Equal(made, kept.Count);
        Assert.Equal(plain.Count, warm.Count);
        Assert.Contains(warm, r => r.Draft.Count > 0);
        Assert.Contains(warm, r => r.Additions.Count > 0);
        static string Text(IEnumerable<DutyFound> d) => string.Join(";", d.Select(x => $"{x.Key}|{x.Strength}|{x.Deadline}|{x.DeadlineText}|{x.Undecided}"));
        for (var i = 0; i < warm.Count; i++)
        {
            Assert.Equal(Text(plain[i].Draft), Text(warm[i].Draft));
            Assert.Equal(Text(plain[i].All), Text(warm[i].All));
            Assert.Equal(Text(plain[i].Without), Text(warm[i].Without));
            Assert.Equal(plain[i].Coverage, warm[i].Coverage);
            Assert.Equal(plain[i].Additions, warm[i].Additions);
        }
    }

    [Fact]
    public void Assessment_BaselinesLeavingOutAnotherAgreement_Refused()
    {
        // Baselines for a new draft keep the corpus whole; the US draft replaces its corpus version, so they do not fit it.
        var corpus = Session.Value.Corpus;
        var whole = new Baselines(corpus, Baselines.Replaced(corpus, "a-new-draft"));
        Assert.Null(whole.ReplacedId);
        Assert.Same(corpus, whole.Without);
        var e = Assert.Throws<ArgumentException>(() => new DraftAssessment(corpus.Agreements.Single(a => a.Id == "usa-ukr-draft-2025-11"), whole));
        Assert.Contains("usa-ukr-draft-2025-11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Studio_KeepsBaselinesPerReplacedAgreement_AtMostFour()
    {
        var studio = new DraftStudio(Session.Value);
        var fresh = studio.BaselinesFor("a-new-draft");
        // Every draft with an id the corpus lacks replaces nothing: the same baselines.
        Assert.Same(fresh, studio.BaselinesFor("another-new-draft"));
        Assert.Same(studio.BaselinesFor("usa-ukr-draft-2025-11"), studio.BaselinesFor("usa-ukr-draft-2025-11"));
        Assert.NotSame(fresh, studio.BaselinesFor("usa-ukr-draft-2025-11"));
        Assert.Equal(2, studio.BaselinesKept);
        foreach (var id in new[] { "usa-ukr-2024", "north-atlantic-treaty-1949", "budapest-memorandum-1994" }) studio.BaselinesFor(id);
        // Five asked for, four kept: the least recently used (the new drafts') went first.
        Assert.Equal(DraftStudio.MaxBaselines, studio.BaselinesKept);
        Assert.NotSame(fresh, studio.BaselinesFor("a-new-draft"));
    }
}
