using Pacta.Domain;
using Pacta.Evaluation.Drafts;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Drafts;

/// <summary>
/// <see cref="ClassSummary"/>, the rows of <c>pacta assess</c>'s table and the JSON's <c>classes</c>, on results made by
/// hand over real scenarios of usa-ukr-2024's battery: scenarios that differ only in place and day are one class; a duty
/// two provisions give in the same scenario counts once; the reading keys follow the battery's order.
/// </summary>
public sealed class ClassSummaryTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static DutyFound Duty(string provision, string who, Strength strength, string? deadline) =>
        new("usa-ukr-2024", provision, ProvisionKind.Consultation, Session.Value.Corpus.States.Resolve(who).State!, null, "act", strength, Bindingness.Political, deadline, null, false, []);

    [Fact]
    public void Of_HandMadeResults_OneRowPerClass_DutiesCountedPerScenario()
    {
        var corpus = Session.Value.Corpus;
        var a = corpus.Agreements.Single(x => x.Id == "usa-ukr-2024");
        var battery = BatteryFile.Load(Repo.Path("data/battery/default.yaml"), corpus);
        var scenarios = BatteryScenarios.Expand(battery, [a], corpus, DraftInput.AttackerData(Session.Value));
        bool Belarus(BatteryScenario s, string gate) => s.Attacker.Code == "BLR" && !s.Ceasefire && s.Kind == TriggerKind.ArmedAttack
            && s.ReadingText == $"bindingness=political, post-war-gate={gate}";
        var open = scenarios.Where(s => Belarus(s, "renewed-aggression")).Take(3).ToList();
        var shut = scenarios.First(s => Belarus(s, "after-hostilities"));
        Assert.Equal(3, open.Select(s => s.Key).Distinct().Count());

        var meet = Duty("consult-on-future-attack", "USA", Strength.Consultative, "PT24H");
        var twice = Duty("another-provision", "USA", Strength.Consultative, "PT24H");
        var assist = Duty("assist", "USA", Strength.Discretionary, null);
        ScenarioResult[] results = [
            new(shut, [], [], [], Coverage.Covered),
            new(open[0], [meet, twice], [meet, twice], [], Coverage.Gap),
            new(open[1], [meet, assist], [meet, assist], [], Coverage.Covered),
            new(open[2], [], [], [], Coverage.Gap),
        ];
        var summary = ClassSummary.Of(results);

        Assert.Equal([("R1", "bindingness=political, post-war-gate=after-hostilities"), ("R2", "bindingness=political, post-war-gate=renewed-aggression")],
            summary.ReadingKeys.Select(k => (k.Key, k.Readings)));
        Assert.Equal(2, summary.Classes.Count);
        var none = summary.Classes[0];
        Assert.Equal(("UKR", "BLR", "R1", 1, 0, "-", "-"), (none.Target, none.Attacker, none.Readings.Key, none.Scenarios, none.DraftObliges, none.DraftText, none.AddsText));
        var c = summary.Classes[1];
        Assert.Equal((3, 2, 2), (c.Scenarios, c.DraftObliges, c.Gaps));
        // The 24-hour meeting holds in two scenarios (given twice in the first, counted once); the assistance in one.
        Assert.Equal([("USA", Strength.Consultative, "PT24H", 2), ("USA", Strength.Discretionary, (string?)null, 1)], c.Draft.Select(d => (d.Who, d.Strength, d.Deadline, d.Scenarios)));
        Assert.Equal("USA consultative within PT24H; USA discretionary (2/3)", c.DraftText);
        // Owing nothing without the draft: the USA is a new obligor.
        Assert.Equal("+USA", c.AddsText);
    }
}
