using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// The data corrections of the corpus audit of December 2026 (issue 15), read through the corpus loader: each
/// asserts the value the audit's sources give, which the earlier encoding did not have.
/// </summary>
public sealed class CorpusAuditFixTests
{
    private static Agreement A(string id) => TestCorpus.Corpus.Agreement(id) ?? throw new InvalidOperationException(id);

    private static int Cow(string code) => TestCorpus.States.Resolve(code).State!.Cow;

    private static DateOnly JoinedOn(Agreement a, string state) =>
        a.Parties.Single(p => p.State == Cow(state)).Span.From!.Value;

    [Fact]
    public void Canada_OfficialTitleAndTheCitedPreambleFor1991Borders()
    {
        var a = A("can-ukr-2024");
        Assert.Equal("Agreement on security cooperation between Canada and Ukraine", a.Title);
        var p = a.Provisions.Single(x => x.Id == "consult-on-future-attack");
        var gac = a.Sources.Single(s => s.Url.StartsWith("https://www.international.gc.ca/", StringComparison.Ordinal));
        Assert.Contains(gac.Id, p.Sources);
        Assert.Contains("1991", gac.Supports);
        Assert.DoesNotContain(a.Uncertain, u => u.Contains("do not state the 1991 borders", StringComparison.Ordinal));
    }

    [Fact]
    public void G7Declaration_RomaniaByJuly25_AndSixJoinersBeforeGreece()
    {
        var a = A("g7-ukraine-declaration-2023");
        Assert.Equal(new DateOnly(2023, 7, 25), JoinedOn(a, "ROU"));
        var greece = JoinedOn(a, "GRC");
        Assert.Equal(new DateOnly(2023, 8, 12), greece);
        foreach (var s in new[] { "ESP", "CZE", "BEL", "PRT", "IRL", "LVA" }) Assert.True(JoinedOn(a, s) <= greece, s);
        // 31 signatory states against the 32 of the State Department and the German Foreign Office: said, with both.
        Assert.Equal(31, a.Parties.Count(p => p.Role == PartyRole.Guarantor));
        var count = Assert.Single(a.Uncertain, u => u.Contains("32", StringComparison.Ordinal));
        Assert.Contains("State Department", count);
        Assert.Contains("German Foreign Office", count);
    }

    [Fact]
    public void Luxembourg_SignedNotInForce_LikeGreece()
    {
        var a = A("lux-ukr-2024");
        Assert.Equal(AgreementStatus.Signed, a.Status);
        Assert.Null(a.Dates.InForceOn);
        Assert.Equal(A("grc-ukr-2024").Status, a.Status);
        Assert.Contains(a.Sources, s => s.Supports.Contains("still needs to be approved by the Luxembourg Parliament", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_CroatiaKoreaTeuBelarus_CiteThePagesTheAuditNamed()
    {
        var hrv = A("hrv-ukr-2024");
        Assert.DoesNotContain(hrv.Sources, s => s.Url.Contains("karlobag.eu", StringComparison.Ordinal));
        Assert.Contains(hrv.Sources, s => s.Url.StartsWith("https://unn.ua/en/news/zelenskyy-held-talks-with-croatian-prime-minister", StringComparison.Ordinal)
            && s.Supports.Contains("11 military packages", StringComparison.Ordinal));

        var kor = A("usa-kor-1953");
        Assert.DoesNotContain(kor.Sources, s => s.Url == "https://archive.org/");
        Assert.Contains(kor.Sources, s => s.Url.StartsWith("https://avalon.law.yale.edu/", StringComparison.Ordinal));
        var art3 = kor.Provisions.Single(p => p.Id == "art-iii");
        Assert.Contains(art3.Obligations.Single().Conditions, c => c.Kind == ConditionKind.Other && c.Text.Contains("external armed attack", StringComparison.Ordinal));

        var teu = A("teu-2009-art-42-7");
        Assert.Contains(teu.Sources, s => s.Id == "eprs" && s.Url.StartsWith("https://www.europarl.europa.eu/", StringComparison.Ordinal));

        var blr = A("rus-blr-2024");
        Assert.DoesNotContain(blr.Uncertain.Concat(blr.Sources.Select(s => s.Supports)), t => t.Contains("single", StringComparison.OrdinalIgnoreCase) || t.Contains("rests on one", StringComparison.Ordinal));
        Assert.Contains(blr.Sources, s => s.Supports.Contains("BelTA", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2025, 3, 13), blr.Dates.InForceOn);
    }

    [Fact]
    public void Csto_ArmeniaFreezeAndLeaveStatements_BothRecordedWithTheirSources()
    {
        var csto = TestCorpus.Corpus.Organization("csto")!;
        var arm = csto.Members.Single(m => m.State == Cow("ARM"));
        Assert.Contains("frozen", arm.Note);
        Assert.Contains("will leave", arm.Note);
        Assert.Contains(csto.Sources, s => s.Url == "https://oc-media.org/armenia-to-leave-russia-led-security-pact/");
        Assert.Contains(csto.Sources, s => s.Id == "arm-freeze");
    }
}
