using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Workspace;

namespace Pacta.Tests.Cascade;

/// <summary>
/// Only invoked promises draw states in (issue 13.1), on hand-worked historical cases with the CLI's corpus, the
/// invocation overlays of corpus/invocation/ and ATOP's named adversaries, through the session API the CLI and the
/// web use.
/// </summary>
public sealed class InvocationTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static CascadeResult Run(string attacker, string target, string date, string? location = null, CascadeOptions? options = null)
    {
        var s = Session.Value;
        var corpus = s.Corpus;
        var a = corpus.States.Resolve(attacker).State!;
        var t = corpus.States.Resolve(target).State!;
        var loc = location is null ? HomeLocation.Of(corpus, t) : corpus.Locations.Find(location)!;
        var e = new Event(TriggerKind.ArmedAttack, a, t, DateOnly.Parse(date), null, loc);
        return s.Cascade(e, Assumptions.None, options ?? CascadeOptions.Default).Deterministic;
    }

    private static string[] Belligerents(CascadeResult r) => r.Belligerents.Select(s => s.State.Iso3 ?? s.State.Cow.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string[] Conditional(CascadeResult r) => r.ConditionalJoiners.Select(g => g.Key.Iso3 ?? "").ToArray();

    [Fact]
    public void GreeceTurkey1974_NatoArt5IsNotInvokedByAnAttackOfACoMember()
    {
        var r = Run("TUR", "GRC", "1974-07-20");

        Assert.Equal(["TUR", "GRC"], Belligerents(r));
        var nato = r.Withheld.Where(w => w.Step.Obligation.Agreement.Id == "north-atlantic-treaty-1949").ToList();
        Assert.NotEmpty(nato);
        Assert.All(nato, w =>
        {
            Assert.Equal(InvocationVerdict.NotInvoked, w.Verdict);
            Assert.Contains("co-member", w.Reason);
        });
        Assert.Contains(nato, w => w.Obligor.Iso3 == "USA");
    }

    [Fact]
    public void Falklands1982_NatoDoesNotCoverTheIslands_RioDrawsNobodyInWithoutItsOwnConsent()
    {
        // Argentina's landing on the Falklands: outside NATO's Art. 6 area; Rio owes nothing to the United Kingdom.
        var landing = Run("ARG", "GBR", "1982-04-02", location: "FK");
        Assert.Equal(["ARG", "GBR"], Belligerents(landing));

        // Britain's strikes on Argentina: Rio Art. 3 is triggered for Argentina, but Art. 20 leaves armed force to each
        // party's consent, and the OAS Charter refers to Rio: every American state is a conditional joiner, none fights.
        var strikes = Run("GBR", "ARG", "1982-05-01");
        Assert.Equal(["GBR", "ARG"], Belligerents(strikes));
        var conditional = Conditional(strikes);
        Assert.Contains("USA", conditional);
        Assert.Contains("BRA", conditional);
        Assert.Contains(strikes.Withheld, w => w.Obligor.Iso3 == "USA" && w.Step.Obligation.Agreement.Id == "rio-treaty-1947"
            && w.Reason.Contains("Art. 20", StringComparison.Ordinal));
    }

    [Fact]
    public void GulfWar1990_ArabLeagueDefenceIsConditionalAgainstAMember()
    {
        var r = Run("IRQ", "KWT", "1990-08-02");

        Assert.Equal(["IRQ", "KWT"], Belligerents(r));
        var conditional = Conditional(r);
        foreach (var iso3 in new[] { "SAU", "EGY", "SYR", "MAR" }) Assert.Contains(iso3, conditional);
        Assert.All(r.Withheld.Where(w => w.Step.Obligation.Agreement.Id == "atop-3205"), w =>
        {
            Assert.Equal(InvocationVerdict.Conditional, w.Verdict);
            Assert.Contains("co-member", w.Reason);
        });
    }

    [Fact]
    public void Germany1914_FranceJoinsByTheNamedAdversaryClause_ItalyAndAustriaHungaryStayConditional()
    {
        var r = Run("255", "365", "1914-08-01");

        Assert.Equal(["DEU", "RUS", "FRA"], Belligerents(r));
        var france = r.Of(220)!;
        Assert.Equal("atop-1385", france.Path[^1].Obligation.Agreement.Id);
        Assert.Equal(CascadeSide.Defender, france.Side);
        var conditional = r.ConditionalJoiners.Select(g => g.Key.Cow).ToList();
        Assert.Contains(325, conditional); // Italy: the Triple Alliance's "without direct provocation"
        Assert.Contains(300, conditional); // Austria-Hungary
        Assert.Null(r.Of(200)); // no alliance draws Britain in
        // The Dual Alliance names Russia; France's counter-attack on Germany does not invoke it.
        Assert.Contains(r.Withheld, w => w.Step.Obligation.Agreement.Id == "atop-1335" && w.Verdict == InvocationVerdict.NotInvoked);
    }

    [Fact]
    public void RussiaEstonia2025_DefaultCascadeListsOnlyStatesWithAPathOfInvokedPromises()
    {
        var r = Run("RUS", "EST", "2025-06-01");

        var belligerents = Belligerents(r);
        foreach (var iso3 in new[] { "CUB", "MEX", "VEN", "AZE", "AGO", "IND", "VNM", "AUT", "IRL", "MLT", "CYP", "BRA", "THA" })
            Assert.DoesNotContain(iso3, belligerents);
        foreach (var iso3 in new[] { "AUT", "IRL", "MLT" })
        {
            var s = r.States.Single(x => x.State.Iso3 == iso3);
            Assert.Equal(CascadeRole.Supporter, s.Role);
            Assert.Equal("teu-2009-art-42-7", s.Path[^1].Obligation.Agreement.Id);
        }
        var conditional = Conditional(r);
        Assert.Contains("CYP", conditional);
        Assert.Contains("MEX", conditional);
        Assert.Contains("AZE", conditional);
        // Every step of every joiner's path is a promise the event invoked, never one it withheld.
        var withheld = r.Withheld.Select(w => (w.Step.Obligation.Id, w.Step.Attacker.Cow)).ToHashSet();
        foreach (var s in r.Belligerents.Where(s => !s.Initial))
        {
            Assert.NotEmpty(s.Path);
            Assert.All(s.Path, step => Assert.DoesNotContain((step.Obligation.Id, step.Attacker.Cow), withheld));
        }
    }

    [Fact]
    public void RussiaEstonia2025_ConditionalPropagate_DrawsTheConditionalJoinersIn()
    {
        var r = Run("RUS", "EST", "2025-06-01", options: new CascadeOptions { Conditional = ConditionalObligations.Propagate });

        var belligerents = Belligerents(r);
        Assert.Contains("MEX", belligerents);
        Assert.Contains("CYP", belligerents);
        Assert.DoesNotContain("AUT", belligerents); // the carve-out is its own option
    }

    [Fact]
    public void RussiaEstonia2025_CarveOutFight_DrawsTheNeutralsIn()
    {
        var r = Run("RUS", "EST", "2025-06-01", options: new CascadeOptions { CarveOutFights = true });

        Assert.Contains("AUT", Belligerents(r));
        Assert.Contains("IRL", Belligerents(r));
    }

    [Fact]
    public void Steps_ShowConstitutionalProcesses()
    {
        var r = Run("RUS", "EST", "2025-06-01");

        var australia = r.States.Single(s => s.State.Iso3 == "AUS");
        Assert.Contains(australia.Path[^1].Obligation.Escapes, c => c.Kind == ConditionKind.ConstitutionalProcesses);
    }

    [Theory]
    [InlineData("RUS", "EST", "2025-06-01")]
    [InlineData("IRQ", "KWT", "1990-08-02")]
    [InlineData("255", "365", "1914-08-01")]
    [InlineData("GBR", "ARG", "1982-05-01")]
    public void Session_AttackTableGivesTheEvaluatorsAnswer(string attacker, string target, string date)
    {
        var s = Session.Value;
        var corpus = s.Corpus;
        var t = corpus.States.Resolve(target).State!;
        var e = new Event(TriggerKind.ArmedAttack, corpus.States.Resolve(attacker).State!, t, DateOnly.Parse(date), null, HomeLocation.Of(corpus, t));

        var viaSession = s.Cascade(e, Assumptions.None, CascadeOptions.Default).Deterministic;
        var graph = new CascadeGraph(new CascadeSource(corpus, e.Date, Assumptions.None, invocation: s.Invocation), CascadeOptions.Default);
        var direct = DeterministicCascade.Run(graph, CascadeStart.Of(e));

        Assert.Equal(direct.States.Select(x => (x.State.Cow, x.Role, x.Side, x.Round, x.Path.Count)), viaSession.States.Select(x => (x.State.Cow, x.Role, x.Side, x.Round, x.Path.Count)));
        Assert.Equal(direct.Withheld.Select(w => (w.Obligor.Cow, w.Step.Obligation.Agreement.Id, w.Step.Obligation.Provision.Id, w.Verdict)),
            viaSession.Withheld.Select(w => (w.Obligor.Cow, w.Step.Obligation.Agreement.Id, w.Step.Obligation.Provision.Id, w.Verdict)));
    }

    [Fact]
    public void Session_KeepsThePreparedCascadePerScenarioAndOptions()
    {
        var s = Session.Value;
        var corpus = s.Corpus;
        var e = new Event(TriggerKind.ArmedAttack, corpus.States.Resolve("TUR").State!, corpus.States.Resolve("GRC").State!,
            new DateOnly(1974, 7, 20), null, corpus.Locations.Find("GR")!);

        var first = s.Cascade(e, Assumptions.None, CascadeOptions.Default);
        var again = s.Cascade(e, Assumptions.None, new CascadeOptions());
        var other = s.Cascade(e, Assumptions.None, new CascadeOptions { Conditional = ConditionalObligations.Propagate });

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }
}
