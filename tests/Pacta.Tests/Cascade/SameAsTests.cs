using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Tests.Cascade;

/// <summary>
/// same-as only ever hides an imported ATOP alliance (issue 11, row 6): a hand-encoded agreement that names itself
/// or another hand-encoded agreement is kept by the cascade exactly as what-if keeps it.
/// </summary>
public sealed class SameAsTests
{
    private static CascadeResult Run(Corpus corpus)
    {
        var prk = corpus.States.Resolve("PRK").State!;
        var jpn = corpus.States.Resolve("JPN").State!;
        var e = new Event(TriggerKind.ArmedAttack, prk, jpn, new DateOnly(2025, 6, 1), null, corpus.Locations.Find("JP")!);
        return DeterministicCascade.Run(corpus, e, Assumptions.None, CascadeOptions.Default);
    }

    /// <summary>The corpus with one more same-as relation on <paramref name="id"/> (its own same-as kept unless <paramref name="replace"/>).</summary>
    private static Corpus WithRelation(Corpus corpus, string id, string named, bool replace)
    {
        var a = corpus.Agreement(id)!;
        var kept = a.Related.Where(r => !replace || r.Relation != Relation.SameAs);
        var changed = a with { Related = [.. kept, new AgreementRelation(named, Relation.SameAs, a.Position)] };
        return new Corpus(corpus.Agreements.Select(x => x.Id == id ? changed : x), corpus.Organizations, corpus.Conflicts, corpus.States, corpus.Locations);
    }

    private static int Belligerents(CascadeResult r) => r.States.Count(s => s.Role == CascadeRole.Belligerent);

    [Fact]
    public void Cascade_NorthKoreaAttacksJapan_SameAsNamingItselfKeepsTheUsJapanTreaty()
    {
        var corpus = CascadeCorpus.Corpus;
        var before = Run(corpus);
        var after = Run(WithRelation(corpus, "usa-jpn-1960", "usa-jpn-1960", replace: true));

        Assert.True(Belligerents(before) > 2, $"{Belligerents(before)} belligerents");
        Assert.Equal(Belligerents(before), Belligerents(after));
        Assert.Equal(CascadeRole.Belligerent, after.States.Single(s => s.State.Iso3 == "USA").Role);
    }

    [Fact]
    public void Cascade_NorthKoreaAttacksJapan_SameAsNamingAnotherHandEncodedAgreementHidesNothing()
    {
        var corpus = CascadeCorpus.Corpus;
        var before = Run(corpus);
        var after = Run(WithRelation(corpus, "usa-kor-1953", "usa-jpn-1960", replace: false));

        Assert.Equal(Belligerents(before), Belligerents(after));
        var usa = after.States.Single(s => s.State.Iso3 == "USA");
        Assert.Equal(CascadeRole.Belligerent, usa.Role);
        Assert.Contains(usa.Path, step => step.Obligation.Agreement.Id == "usa-jpn-1960");
    }
}
