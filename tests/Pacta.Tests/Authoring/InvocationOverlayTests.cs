using Pacta.Authoring;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>The invocation overlays of corpus/invocation/: read with the corpus, checked, and errors placed.</summary>
public sealed class InvocationOverlayTests
{
    [Fact]
    public void BundledOverlays_AreReadWithSourcesAndClauses()
    {
        var result = TestCorpus.Loader.LoadDirectory(Repo.Path("corpus"));

        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Take(10)));
        var byId = result.Invocations.ToDictionary(t => t.Agreement);
        foreach (var id in new[] { "atop-3150", "atop-3075", "atop-3205", "atop-4400", "atop-3285", "atop-3260", "atop-3275", "atop-2420", "atop-3180", "atop-1385", "atop-1350" })
        {
            Assert.True(byId.ContainsKey(id), id);
            Assert.NotEmpty(byId[id].Sources);
            Assert.NotEmpty(byId[id].Clauses);
        }
        Assert.Equal(MemberAttacks.Conditional, byId["atop-3205"].BetweenMembers);
        Assert.Equal([255], byId["atop-1385"].Adversaries);
        Assert.Equal([2], byId["atop-3260"].Conditions.Single().Obligors);
        // Overlays read from ATOP's coding and secondary reports say what they could not read.
        foreach (var id in new[] { "atop-4235", "atop-4245", "atop-4255", "atop-4470", "atop-4865", "atop-5075", "atop-1480", "atop-1355", "atop-1490" })
        {
            Assert.True(byId.ContainsKey(id), id);
            Assert.NotEmpty(byId[id].Uncertain);
        }
        Assert.Equal([704], byId["atop-5075"].Conditions.Single().Obligors); // Uzbekistan's 2012 law binds Uzbekistan only
        Assert.Equal([360], byId["atop-1355"].Conditions[1].Obligors); // Romania: the bordering portions of Austria-Hungary
        Assert.Empty(byId["atop-1355"].Conditions[0].Obligors); // "without any provocation": every obligor
        Assert.Equal([ProvisionKind.Defense], byId["atop-1480"].Kinds); // the offence promise keeps ATOP's named adversaries
        Assert.Equal([ProvisionKind.Defense, ProvisionKind.Offense], byId["atop-1385"].Kinds);
    }

    // The one overlay the error tests start from (lines 1-10), valid, so that each test's errors come from the lines
    // it changes: a line naming a key of lines 1-3 replaces it, any other line is added from line 11 on.
    private static readonly string[] Valid =
    [
        "id: test",
        "agreement: atop-3150",
        "name: A test overlay",
        "clauses:",
        "  - article: Art. 1",
        "    text: some words",
        "sources:",
        "  - id: s",
        "    url: https://example.org/treaty",
        "    supports: the text",
    ];

    private static string Overlay(params string[] lines)
    {
        var text = Valid.ToList();
        foreach (var line in lines)
        {
            var at = text.FindIndex(0, 3, l => l[..l.IndexOf(':', StringComparison.Ordinal)] == line.Split(':')[0]);
            if (at >= 0) text[at] = line;
            else text.Add(line);
        }
        return string.Join('\n', text) + "\n";
    }

    /// <summary>Reads <paramref name="text"/> as the one overlay (invocation/ID.yaml, by its id) of an otherwise empty corpus.</summary>
    private static LoadResult Load(string text)
    {
        var name = text[4..text.IndexOf('\n', StringComparison.Ordinal)];
        var root = Directory.CreateTempSubdirectory("pacta-invocation-");
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(root.FullName, "invocation"));
            File.WriteAllText(Path.Combine(dir.FullName, name + ".yaml"), text);
            return TestCorpus.Loader.LoadDirectory(root.FullName);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_starting_overlay_is_valid()
    {
        var result = Load(Overlay());
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        Assert.Equal("atop-3150", Assert.Single(result.Invocations).Agreement);
    }

    [Fact]
    public void Uncertain_MustBeSentences_AndAnItemOfAnotherShapeIsAnErrorOnItsLine()
    {
        var result = Load(Overlay("id: doubt", "uncertain:", "  - the article number was not read", "  - {article: 2}", "kinds: [support]"));

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("doubt.yaml", StringComparison.Ordinal) && d.Line == 13 && d.Message.Contains("uncertain", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("doubt.yaml", StringComparison.Ordinal) && d.Line == 14 && d.Message.Contains("'support'", StringComparison.Ordinal));
    }

    [Fact]
    public void BadOverlay_IsAnErrorWithFileLineAndColumn()
    {
        var result = Load(Overlay("id: bad", "between_members: sometimes", "adversaries: [NOWHERE]"));

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("bad.yaml", StringComparison.Ordinal) && (d.Line, d.Column) == (11, 18) && d.Message.Contains("sometimes", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("bad.yaml", StringComparison.Ordinal) && (d.Line, d.Column) == (12, 15) && d.Message.Contains("NOWHERE", StringComparison.Ordinal));
        Assert.Empty(result.Invocations);
    }

    [Fact]
    public void Overlay_NamingAnUnknownAgreement_IsAnError()
    {
        var result = Load(Overlay("id: ghost", "agreement: no-such-treaty"));

        Assert.Contains(result.Diagnostics, d => d.Message.Contains("unknown agreement id 'no-such-treaty'", StringComparison.Ordinal) && d.Line == 1);
    }
}
