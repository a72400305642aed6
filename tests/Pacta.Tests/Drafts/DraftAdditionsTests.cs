using Pacta.Domain;
using Pacta.Evaluation.Drafts;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Drafts;

/// <summary>
/// What a draft adds is measured against what each obligor already owes without it (issue 17: "Adds: 2016 scenarios"
/// beside an empty obligors column, because every obligation of the draft counted as added, even a duty the obligor
/// already had).
/// </summary>
public sealed class DraftAdditionsTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static DutyFound Duty(string agreement, string who, Strength strength, string? deadline = null, bool undecided = false, ProvisionKind kind = ProvisionKind.Consultation) =>
        new(agreement, "p", kind, Session.Value.Corpus.States.Resolve(who).State!, null, "act", strength, Bindingness.Political, deadline, null, undecided, []);

    private static ScenarioResult Result(IReadOnlyList<DutyFound> without, IReadOnlyList<DutyFound> draft) =>
        new(null!, draft, [.. without, .. draft], without, Coverage.Covered);

    [Fact]
    public void Additions_WorkedByHand()
    {
        // Without the draft: the US consults (Budapest para. 6, no deadline).
        var budapest = Duty("budapest-memorandum-1994", "USA", Strength.Consultative);
        // The same consultation by 24 hours: sooner, not a new obligor.
        var meet = Result([budapest], [Duty("draft", "USA", Strength.Consultative, "PT24H")]);
        Assert.Equal([("USA", Addition.Sooner)], meet.Additions);
        Assert.Empty(meet.AddedObligors);
        Assert.Equal(1, meet.AddedObligations);
        // A discretionary defence duty: stronger than consultation.
        Assert.Equal([("USA", Addition.Stronger)], Result([budapest], [Duty("draft", "USA", Strength.Discretionary)]).Additions);
        // The UK owing anything where it owed nothing: a new obligor.
        Assert.Equal([("GBR", Addition.Obligor)], Result([budapest], [Duty("draft", "GBR", Strength.Consultative)]).Additions);
        // Consultation without a deadline, or by 48 hours where 24 hours already bind: nothing added.
        var within24 = Duty("other", "USA", Strength.Consultative, "PT24H");
        Assert.Empty(Result([budapest], [Duty("draft", "USA", Strength.Consultative)]).Additions);
        var later = Result([within24], [Duty("draft", "USA", Strength.Consultative, "PT48H")]);
        Assert.Empty(later.Additions);
        Assert.Equal(0, later.AddedObligations);
        // A duty that is only undecided without the draft is no floor: the draft's decided consultation adds strength.
        Assert.Equal([("USA", Addition.Stronger)], Result([Duty("other", "USA", Strength.Automatic, undecided: true)], [Duty("draft", "USA", Strength.Consultative)]).Additions);
    }

    [Fact]
    public void Additions_DefencePromiseBesideDiscretionaryAssistance_IsADefenceAddition()
    {
        // Without the draft the US owes Ukraine discretionary assistance and sanctions (G7 declaration 2023) and
        // consultation within 24 hours (usa-ukr-2024). The US draft of November 2025 adds a discretionary response that
        // may include armed force (provision kind defense): not stronger, not sooner, but a promise to defend.
        var g7 = Duty("g7-ukraine-declaration-2023", "USA", Strength.Discretionary, kind: ProvisionKind.Assistance);
        var sanctions = Duty("g7-ukraine-declaration-2023", "USA", Strength.Discretionary, kind: ProvisionKind.Sanctions);
        var meet = Duty("usa-ukr-2024", "USA", Strength.Consultative, "PT24H");
        var guarantee = Duty("usa-ukr-draft-2025-11", "USA", Strength.Discretionary, kind: ProvisionKind.Defense);
        Assert.Equal([("USA", Addition.Defense)], Result([g7, sanctions, meet], [guarantee]).Additions);
        // Where it already owes a discretionary defence promise (NATO Art. 5 for an ally), the same promise adds nothing.
        var art5 = Duty("north-atlantic-treaty-1949", "USA", Strength.Discretionary, kind: ProvisionKind.Defense);
        Assert.Empty(Result([g7, art5], [guarantee]).Additions);
        // An automatic defence promise already owed covers a discretionary one; and a draft's assistance beside owed
        // defence is no defence addition.
        Assert.Empty(Result([Duty("x", "USA", Strength.Automatic, kind: ProvisionKind.Defense)], [guarantee]).Additions);
        Assert.Empty(Result([art5], [Duty("draft", "USA", Strength.Discretionary, kind: ProvisionKind.Assistance)]).Additions);
        // Stronger still ranks first: an automatic defence promise where only discretionary assistance was owed.
        Assert.Equal([("USA", Addition.Stronger)], Result([g7], [Duty("draft", "USA", Strength.Automatic, kind: ProvisionKind.Defense)]).Additions);
    }

    [Fact]
    public void Additions_OfACopyWithOtherDuties_WorkedOutAfresh()
    {
        // The additions are worked out once and kept; a copy with other duties must not carry the first answer over.
        var budapest = Duty("budapest-memorandum-1994", "USA", Strength.Consultative);
        var first = Result([budapest], [Duty("draft", "USA", Strength.Consultative, "PT24H")]);
        Assert.Equal([("USA", Addition.Sooner)], first.Additions);
        var copy = first with { Without = [] };
        Assert.Equal([("USA", Addition.Obligor)], copy.Additions);
        Assert.Equal(["USA"], copy.AddedObligors);
        Assert.Equal(2, copy.AddedObligations);
        Assert.Equal([("USA", Addition.Sooner)], first.Additions);
    }

    [Fact]
    public void Assess_UsUkraine2024_AddsOnlyTheTwentyFourHourMeeting()
    {
        // usa-ukr-2024 "consult-on-future-attack": the US meets within 24 hours. The US already consults Ukraine under
        // the Budapest Memorandum (para. 6, no deadline), so the agreement adds no obligor and nothing stronger: in
        // every scenario it obliges, what it adds is the earlier deadline.
        var corpus = Session.Value.Corpus;
        var a = corpus.Agreements.Single(x => x.Id == "usa-ukr-2024");
        var battery = BatteryFile.Load(Repo.Path("data/battery/default.yaml"), corpus) with { Dates = [new DateOnly(2026, 6, 1)], Places = new Dictionary<string, IReadOnlyList<PlaceClass>>() };
        var scenarios = BatteryScenarios.Expand(battery, [a], corpus, DraftInput.AttackerData(Session.Value));
        var results = new DraftAssessment(a, corpus).Run(scenarios, battery);

        var obliging = results.Where(r => r.Draft.Count > 0).ToList();
        Assert.NotEmpty(obliging);
        Assert.All(obliging, r => Assert.Equal([("USA", Addition.Sooner)], r.Additions));
        Assert.All(results.Where(r => r.Draft.Count == 0), r => Assert.Empty(r.Additions));
    }

    [Fact]
    public void Diff_AcrossReadings_DeadlineChangeShowsOnlyWhereTheDraftObliges()
    {
        // The 2024 US–Ukraine agreement against a version meeting within 72 hours instead of 24: its contested clauses
        // (bindingness, post-war-gate) give 4 reading combinations. Under post-war-gate=after-hostilities the meeting
        // is owed only after the ceasefire; under renewed-aggression in war too, so that reading changes twice as many
        // deadlines. No trigger changes under any reading.
        var corpus = Session.Value.Corpus;
        var a = corpus.Agreements.Single(x => x.Id == "usa-ukr-2024");
        var b = a with
        {
            Provisions = [.. a.Provisions.Select(p => p.Id != "consult-on-future-attack" ? p
                : p with { Obligations = [.. p.Obligations.Select(o => o with { Deadline = IsoDuration.Parse("PT72H") })] })],
        };
        var battery = BatteryFile.Load(Repo.Path("data/battery/default.yaml"), corpus) with
        {
            Dates = [new DateOnly(2026, 6, 1)],
            Kinds = [TriggerKind.ArmedAttack],
            Places = new Dictionary<string, IReadOnlyList<PlaceClass>>(),
        };
        Assert.Equal(4, BatteryScenarios.ReadingCombinations([a, b]).Count);
        var scenarios = BatteryScenarios.Expand(battery, [a, b], corpus, DraftInput.AttackerData(Session.Value));
        var byReading = OutcomeDiff.ByReading(new DraftAssessment(a, corpus).Run(scenarios, battery), new DraftAssessment(b, corpus).Run(scenarios, battery));

        Assert.Equal(4, byReading.Count);
        var perReading = scenarios.Count / 4;
        foreach (var (readings, label, d) in byReading)
        {
            Assert.Equal(perReading, d.Scenarios);
            Assert.Equal(0, d.Triggers);
            Assert.Equal(0, d.Added);
            // Each attacker at each place, with and without the ceasefire (half are after it); the USA as attacker is
            // owed nothing by the USA, so its scenarios change nothing.
            var usa = scenarios.Count(s => s.Attacker.Code == "USA") / 4;
            Assert.Equal(readings.Contains("post-war-gate=after-hostilities", StringComparison.Ordinal) ? (perReading - usa) / 2 : perReading - usa, d.Deadlines);
            // The label names the agreement and provision of each clause, not the bare reading id.
            Assert.Contains($"usa-ukr-2024 consult-on-future-attack", label, StringComparison.Ordinal);
            Assert.Contains(readings.Contains("post-war-gate=after-hostilities", StringComparison.Ordinal) ? "clause post-war-gate — reading 'after-hostilities' (default)" : "clause post-war-gate — reading 'renewed-aggression'", label, StringComparison.Ordinal);
        }
    }
}
