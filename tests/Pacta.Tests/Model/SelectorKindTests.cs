using Pacta.Domain;

namespace Pacta.Tests.Model;

/// <summary>Selector kinds are a closed set (the enum <see cref="SelectorKind"/>), spelled as the files and JSON spell them.</summary>
public sealed class SelectorKindTests
{
    [Theory]
    [InlineData("any-member", SelectorKind.AnyMember)]
    [InlineData("other-parties", SelectorKind.OtherParties)]
    [InlineData("target", SelectorKind.Target)]
    [InlineData("anyone", SelectorKind.Anyone)]
    [InlineData("non-party", SelectorKind.NonParty)]
    public void Keyword_IsItsKindAndBack(string word, SelectorKind kind)
    {
        Assert.Equal(kind, Selector.Of(word).Kind);
        Assert.Equal(word, Words.Of(kind));
        Assert.Equal(word, Selector.Of(kind).ToString());
    }

    [Fact]
    public void AWordThatIsNoKind_IsRefusedNotKept()
    {
        // A string kind took any word, so a misspelt one named nobody without a word said.
        var e = Assert.Throws<ArgumentException>(() => Selector.Of("any member"));
        Assert.Contains("'any member' is not a selector kind", e.Message);
    }

    [Fact]
    public void TheVocabularyListsTheWordsAFileMayWrite()
    {
        Assert.Equal(["any-member", "other-parties", "target", "anyone", "non-party", "states", "role"], Vocabulary.SelectorKinds.All);
    }
}
