using Pacta.Authoring.Diagnostics;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>
/// The source-hygiene warnings of <c>pacta check</c> (PACTA101–105): one fixture per warning in
/// tests/fixtures/warnings (made by make_warnings.py), each loading as a corpus with its one located warning, and
/// the bundled corpus cleared of the kinds the corpus audit found.
/// </summary>
public sealed class SourceHygieneTests
{
    public static TheoryData<string, string, int, int> Expected => new()
    {
        // path (under tests/fixtures/warnings), code, line, column, of the one warning
        { "pacta101-site-root-url.yaml", "PACTA101", 22, 5 },
        { "pacta102-shared-url", "PACTA102", 22, 5 },
        { "pacta103-weak-sources-only.yaml", "PACTA103", 28, 5 },
        { "pacta104-partial-quote.yaml", "PACTA104", 27, 5 },
        { "pacta105-no-retrieved-date.yaml", "PACTA105", 22, 5 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Check_WarningFixture_LoadsWithItsOneLocatedWarning(string path, string code, int line, int column)
    {
        var result = TestCorpus.Loader.Load([Repo.Path("tests", "fixtures", "warnings", path)], baseCorpusDir: Repo.Path("corpus"));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        var w = Assert.Single(result.Warnings);
        Assert.Equal((code, line, column), (w.Code, w.Line, w.Column));
        Assert.True(w.IsWarning);
        Assert.Equal($"{w.File}:{line}:{column}: warning {code}: {w.Message}", w.ToString());
    }

    [Fact]
    public void Check_SharedUrl_WarnsTheLaterFileAndNamesTheEarlier()
    {
        var result = TestCorpus.Loader.Load([Repo.Path("tests", "fixtures", "warnings", "pacta102-shared-url")], baseCorpusDir: Repo.Path("corpus"));
        var w = Assert.Single(result.Warnings);
        Assert.EndsWith("b-pact-2020.yaml", w.File);
        Assert.Contains("a-pact-2020.yaml", w.Message);
    }

    [Fact]
    public void Check_ValidFixtureBesideAFileSharingAParty_HasNoSharedUrlWarning()
    {
        // The valid fixture (Estonia, Latvia) and the shared-URL fixture's first pact (Estonia, Latvia) share parties.
        var result = TestCorpus.Loader.Load(
            [Repo.Path("tests", "fixtures", "warnings", "pacta102-shared-url", "a-pact-2020.yaml"), Repo.Path("tests", "fixtures", "warnings", "pacta101-site-root-url.yaml"),
             Repo.Path("tests", "fixtures", "warnings", "pacta104-partial-quote.yaml")], baseCorpusDir: Repo.Path("corpus"));
        Assert.DoesNotContain(result.Warnings, w => w.Code == ErrorCodes.SharedUrl);
    }

    [Fact]
    public void Check_BadRetrievedDate_IsABadDateError()
    {
        var dir = Directory.CreateTempSubdirectory("pacta-retrieved-");
        try
        {
            var text = File.ReadAllText(Repo.Path("tests", "fixtures", "warnings", "pacta101-site-root-url.yaml"))
                .Replace("retrieved: 2026-12-02", "retrieved: last week", StringComparison.Ordinal);
            var path = Path.Combine(dir.FullName, "pacta101-site-root-url.yaml");
            File.WriteAllText(path, text);
            var result = TestCorpus.Loader.Load([path], baseCorpusDir: Repo.Path("corpus"));
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal((ErrorCodes.BadDate, 25, 16), (d.Code, d.Line, d.Column));
            Assert.Contains("'retrieved' is not a valid date", d.Message);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void WarningCodes_AreAllDocumentedInDocsErrorsMd()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "errors.md"));
        foreach (var (code, name, _) in ErrorCodes.WarningCatalogue) Assert.Contains($"| {code} | {name} |", doc);
        Assert.Empty(ErrorCodes.WarningCatalogue.Select(w => w.Code).Intersect(ErrorCodes.Catalogue.Select(e => e.Code)));
    }

    [Fact]
    public void BundledCorpus_HasNoSiteRootNoUnrelatedSharedUrlAndEverySourceDated()
    {
        // The audit found https://archive.org/ (usa-kor-1953) as a source; every source lacked a retrieval date.
        var result = TestCorpus.Loader.LoadDirectory(Repo.Path("corpus"));
        Assert.True(result.Ok);
        var codes = result.Warnings.Select(w => w.Code).ToList();
        Assert.DoesNotContain(ErrorCodes.SiteRootUrl, codes);
        Assert.DoesNotContain(ErrorCodes.SharedUrl, codes);
        Assert.DoesNotContain(ErrorCodes.NoRetrievedDate, codes);
        Assert.All(TestCorpus.Corpus.Agreements.SelectMany(a => a.Sources), s => Assert.NotNull(s.Retrieved));
    }
}
