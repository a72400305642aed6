using Pacta.Authoring.Diagnostics;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>
/// One broken fixture per validation rule (tests/fixtures/broken, made by make_broken.py from the valid
/// fixture): each must produce its exact located error as the first diagnostic, and no corpus.
/// </summary>
public sealed class ValidatorFixtureTests
{
    public static TheoryData<string, string, int, int> Expected => new()
    {
        // file (under tests/fixtures/broken), code, line, column
        { "pacta001-yaml-syntax.yaml", "PACTA001", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Check_BrokenFixture_ReportsItsLocatedError(string file, string code, int line, int column)
    {
        var path = Repo.Path("tests", "fixtures", "broken", file);
        var result = TestCorpus.Loader.Load([path], baseCorpusDir: Repo.Path("corpus"));
        Assert.False(result.Ok);
        Assert.Null(result.Corpus);
        var first = result.Diagnostics[0];
        Assert.Equal((code, line, column), (first.Code, first.Line, first.Column));
        Assert.EndsWith(file.Replace('/', Path.DirectorySeparatorChar), first.File);
        Assert.Equal($"{first.File}:{line}:{column}: error {code}: {first.Message}", first.ToString());
    }

    [Fact]
    public void Fixtures_CoverEveryErrorCodeButUnreadable()
    {
        var files = Directory.EnumerateFiles(Repo.Path("tests", "fixtures", "broken"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(f)[..8].ToUpperInvariant()).ToHashSet();
        var missing = ErrorCodes.Catalogue.Select(c => c.Code).Where(c => c != ErrorCodes.Unreadable && !files.Contains(c)).ToList();
        Assert.Empty(missing);
        Assert.True(files.Count >= 40, $"only {files.Count} fixtures");
    }

    [Fact]
    public void Check_MissingPath_ReportsUnreadable()
    {
        var result = TestCorpus.Loader.Load(["no/such/file.yaml"], baseCorpusDir: null);
        Assert.Equal("no/such/file.yaml:1:1: error PACTA008: no such file or folder", result.Diagnostics.Single().ToString());
    }

    [Fact]
    public void Check_ValidFixture_HasNoErrors()
    {
        var result = TestCorpus.Loader.Load([Repo.Path("tests", "fixtures", "valid")], baseCorpusDir: Repo.Path("corpus"));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Summary.Agreements);
    }

    [Fact]
    public void ErrorCodes_AreAllDocumentedInDocsErrorsMd()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "errors.md"));
        foreach (var (code, name, _) in ErrorCodes.Catalogue) Assert.Contains($"| {code} | {name} |", doc);
    }
}
