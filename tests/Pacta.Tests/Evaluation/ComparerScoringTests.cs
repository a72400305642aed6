using Pacta.Evaluation;
using Pacta.Tests.Support;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// Compare's scoring and words on the real case of issue 16 (NATO, the Kyiv Security Compact, Budapest): trigger
/// breadth is that of the main promise, the Security Council is no escape clause, a proposal's silence scores
/// nothing, values read in words, and the reference is the one chosen.
/// </summary>
public sealed class ComparerScoringTests
{
    private const string Nato = "north-atlantic-treaty-1949", Kyiv = "kyiv-security-compact-2022", Budapest = "budapest-memorandum-1994";

    private static Comparison Compare(string? reference, params string[] ids) =>
        Comparer.Compare(TestCorpus.Corpus, ids.Select(id => TestCorpus.Corpus.Agreement(id)!).ToList(), reference);

    private static (DimensionValue Value, string Verdict) Cell(Comparison c, string dimension, string id)
    {
        var row = c.Rows.Single(r => r.Dimension == dimension);
        var i = c.Agreements.Select(a => a.Id).ToList().IndexOf(id);
        return (row.Values[i], row.Verdicts[i]);
    }

    [Fact]
    public void Budapest_trigger_breadth_is_nuclear_aggression_only_and_weaker_than_Nato()
    {
        var c = Compare(null, Nato, Kyiv, Budapest);
        var budapest = Cell(c, "trigger breadth", Budapest);
        Assert.Equal("weaker", budapest.Verdict);
        Assert.StartsWith("aggression with nuclear weapons (security-council-referral)", budapest.Value.Text);
        Assert.Contains("armed attack and threat of attack: consultation only", budapest.Value.Text);
        Assert.Equal("armed attack (defense); threat of attack: consultation only", Cell(c, "trigger breadth", Nato).Value.Text);
    }

    [Fact]
    public void Security_Council_reporting_is_not_an_escape_clause()
    {
        var nato = Cell(Compare(null, Nato, Budapest), "escape clauses", Nato).Value;
        Assert.Equal(1, nato.Score);
        Assert.Equal("none; reports to the Security Council (not an escape)", nato.Text);
    }

    [Fact]
    public void Us_draft_escape_clauses_are_worded_from_its_condition_and_void_if()
    {
        // corpus/agreements/usa-ukr-draft-2025-11.yaml, after Axios: the US President decides the response after
        // consulting; void if Ukraine invades Russia or strikes Moscow or St Petersburg without cause. Two escapes.
        var draft = Cell(Compare(null, Nato, "usa-ukr-draft-2025-11"), "escape clauses", "usa-ukr-draft-2025-11");
        Assert.Equal("the US President decides the response after consulting Ukraine, NATO and European partners, " +
            "void if Ukraine invades Russia or, without cause, strikes Moscow or St Petersburg", draft.Value.Text);
        Assert.Equal(0.5, draft.Value.Score);
        Assert.Equal("weaker", draft.Verdict);
    }

    [Fact]
    public void A_proposal_without_agreed_text_scores_no_stronger_than_a_text_that_states_its_terms()
    {
        var c = Compare(null, Nato, Kyiv);
        var escapes = Cell(c, "escape clauses", Kyiv);
        Assert.Null(escapes.Value.Score);
        Assert.Equal("not scored", escapes.Verdict);
        Assert.Equal("none stated (no agreed text)", escapes.Value.Text);
        var duration = Cell(c, "duration and exit", Kyiv);
        Assert.Equal("not scored", duration.Verdict);
        Assert.DoesNotContain(c.Rows, r => r.Verdicts[1] == "stronger" && r.Values[1].Score is null);
    }

    [Fact]
    public void Values_read_in_words_not_codes()
    {
        var c = Compare(null, Nato, Kyiv, Budapest);
        Assert.Equal("24 h to meet, 72 h to decide", Cell(c, "deadline", Kyiv).Value.Text);
        Assert.Equal("Ukraine within its 1991 borders, incl. Crimea and Sevastopol", Cell(c, "territorial scope", Kyiv).Value.Text);
        Assert.Equal("indefinite; 1 year's notice", Cell(c, "duration and exit", Nato).Value.Text);
        Assert.Contains("twenty years", Cell(c, "duration and exit", Nato).Value.Note);
        Assert.Equal("no hour limit (\"forthwith\")", Cell(c, "deadline", Nato).Value.Text);
        Assert.Equal("Ukraine's territory", Cell(c, "territorial scope", Budapest).Value.Text);
        Assert.DoesNotContain(c.Rows.SelectMany(r => r.Values), v => v.Text.Contains("PT", StringComparison.Ordinal) || v.Text.Contains("UA-43", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reference_is_the_one_chosen_and_comes_first_the_others_keep_their_order()
    {
        var c = Compare(Kyiv, Nato, Budapest, Kyiv);
        Assert.Equal([Kyiv, Nato, Budapest], c.Agreements.Select(a => a.Id).ToArray());
        Assert.Equal("reference", Cell(c, "bindingness", Kyiv).Verdict);
        Assert.Equal("stronger", Cell(c, "bindingness", Nato).Verdict);
        Assert.Equal(Budapest, Compare(null, Budapest, Nato).Agreements[0].Id);
    }

    [Theory]
    [InlineData("PT24H", "24 h")]
    [InlineData("P1Y", "1 year")]
    [InlineData("P6M", "6 months")]
    [InlineData("P10Y", "10 years")]
    [InlineData("P2D", "2 days")]
    public void Durations_in_words(string iso, string words) =>
        Assert.Equal(words, ComparisonWords.Duration(Pacta.Domain.IsoDuration.Parse(iso)));

    [Theory]
    [InlineData("P1Y", "1 year's notice")]
    [InlineData("P6M", "6 months' notice")]
    public void Notice_in_words(string iso, string words) =>
        Assert.Equal(words, ComparisonWords.Notice(Pacta.Domain.IsoDuration.Parse(iso)));
}
