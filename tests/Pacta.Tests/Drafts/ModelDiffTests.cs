using Pacta.Domain;
using Pacta.Evaluation.Drafts;
using Pacta.Tests.Support;

namespace Pacta.Tests.Drafts;

/// <summary>The field-by-field diff is generic over the model records: every field that differs is named, none is listed by hand.</summary>
public sealed class ModelDiffTests
{
    private static Obligation Base() => new(
        Selector.ForStates(2), Selector.Of("target"), "Consult.", Strength.Consultative, [AssistanceType.Military],
        IsoDuration.Parse("PT24H"), DeadlineFirmness.Hard, null, [], [], Position.None);

    [Fact]
    public void Of_ObligationsDifferingInEachField_NamesEveryField()
    {
        var a = Base();
        var b = a with
        {
            Obligor = Selector.ForStates(200),
            Beneficiary = Selector.ForStates(369),
            Action = "Assist.",
            Strength = Strength.Automatic,
            Assistance = [AssistanceType.Financial],
            Deadline = IsoDuration.Parse("PT72H"),
            Firmness = DeadlineFirmness.WherePossible,
            Timing = "immediately",
            Amounts = [new Amount(1m, "USD", "2026", null, null, null)],
            Conditions = [new Condition(ConditionKind.Other, "If Congress agrees.", [])],
            Position = new Position("x.yaml", 9, 9),
        };
        var fields = ModelDiff.Of(a, b).Select(c => c.Field.Split('.', '[')[0]).ToHashSet();

        // Every public field of the record but the source position, found by reflection: a field added to Obligation
        // without a value here makes this test fail, and appears in the diff without an edit of ModelDiff.
        var expected = typeof(Obligation).GetProperties().Where(p => p.CanWrite && p.PropertyType != typeof(Position))
            .Select(p => Words.ToKebab(p.Name).Replace('-', '_')).ToHashSet();
        Assert.Equal(expected.Order(), fields.Order());
    }

    [Fact]
    public void Of_SameObligationAtAnotherPosition_IsNoChange()
    {
        var a = Base();
        Assert.Empty(ModelDiff.Of(a, a with { Position = new Position("y.yaml", 3, 1) }));
    }

    [Fact]
    public void Agreements_UsDraftWithThresholdDroppedAndDeadlineAdded_TwoChangesInWords()
    {
        var draft = TestCorpus.Corpus.Agreements.Single(a => a.Id == "usa-ukr-draft-2025-11");
        var p = draft.Provisions.Single(p => p.Id == "guarantee");
        var changed = p with
        {
            Trigger = p.Trigger! with { Threshold = null },
            Obligations = [p.Obligations[0] with { Deadline = IsoDuration.Parse("PT72H") }],
        };
        var b = draft with { Provisions = [changed, .. draft.Provisions.Skip(1)], Title = "Revised" };

        var changes = ModelDiff.Agreements(draft, b).Select(c => c.ToString()).ToList();

        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.StartsWith("agreement: title: 'Draft United States", StringComparison.Ordinal) && c.EndsWith("→ 'Revised'", StringComparison.Ordinal));
        Assert.Contains("provision guarantee: trigger.threshold removed (was {attributes: ['significant', 'deliberate', 'sustained'], quote: 'significant, deliberate and sustained'})", changes);
        Assert.Contains("provision guarantee: obligations[1].deadline added: PT72H", changes);
    }

    [Fact]
    public void Agreements_ProvisionAddedAndRemoved_MatchedById()
    {
        var draft = TestCorpus.Corpus.Agreements.Single(a => a.Id == "usa-ukr-draft-2025-11");
        var b = draft with { Provisions = [draft.Provisions[0] with { Id = "guarantee-2" }, draft.Provisions[1]] };

        var changes = ModelDiff.Agreements(draft, b).Select(c => c.ToString()).ToList();

        Assert.Equal(["provision guarantee: provision removed (was 'Security guarantee, attack clause (numbering not published)')",
            "provision guarantee-2: provision added: 'Security guarantee, attack clause (numbering not published)'"], changes);
    }

    [Fact]
    public void Agreements_ClauseIdOnSeveralProvisions_EachDiffedApart()
    {
        // The G7 declaration contests "post-war-gate" on three provisions (consult, assist, costs after a future
        // attack); the Kyiv Security Compact has no such clause: three removals, one per provision, and no crash.
        var g7 = TestCorpus.Corpus.Agreement("g7-ukraine-declaration-2023")!;
        var kyiv = TestCorpus.Corpus.Agreement("kyiv-security-compact-2022")!;
        var gates = ModelDiff.Agreements(g7, kyiv).Where(c => c.Field.Contains(":post-war-gate]", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, gates.Count);
        Assert.All(gates, c => Assert.Null(c.New));
    }
}
