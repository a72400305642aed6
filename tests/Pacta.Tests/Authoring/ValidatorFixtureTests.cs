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
        { "organizations/pacta059-duplicate-member.yaml", "PACTA059", 14, 5 },
        { "pacta001-yaml-syntax.yaml", "PACTA001", 2, 8 },
        { "pacta002-unknown-key.yaml", "PACTA002", 8, 3 },
        { "pacta003-duplicate-key.yaml", "PACTA003", 4, 1 },
        { "pacta004-missing-key.yaml", "PACTA004", 1, 1 },
        { "pacta005-wrong-type.yaml", "PACTA005", 12, 10 },
        { "pacta006-empty-value.yaml", "PACTA006", 2, 8 },
        { "pacta007-empty-file.yaml", "PACTA007", 1, 1 },
        { "pacta010-bad-date.yaml", "PACTA010", 7, 11 },
        { "pacta011-end-before-start.yaml", "PACTA011", 16, 9 },
        { "pacta012-in-force-before-signed.yaml", "PACTA012", 8, 13 },
        { "pacta013-bad-duration.yaml", "PACTA013", 10, 13 },
        { "pacta014-bad-deadline.yaml", "PACTA014", 43, 19 },
        { "pacta015-missing-in-force.yaml", "PACTA015", 8, 13 },
        { "pacta016-proposal-in-force.yaml", "PACTA016", 8, 13 },
        { "pacta017-terminated-without-end.yaml", "PACTA017", 9, 9 },
        { "pacta018-party-outside-agreement.yaml", "PACTA018", 14, 11 },
        { "pacta020-unknown-form.yaml", "PACTA020", 3, 7 },
        { "pacta021-unknown-status.yaml", "PACTA021", 4, 9 },
        { "pacta022-unknown-bindingness.yaml", "PACTA022", 5, 14 },
        { "pacta023-unknown-role.yaml", "PACTA023", 14, 11 },
        { "pacta024-unknown-provision-kind.yaml", "PACTA024", 28, 11 },
        { "pacta025-unknown-trigger-kind.yaml", "PACTA025", 32, 15 },
        { "pacta026-unknown-strength.yaml", "PACTA026", 42, 19 },
        { "pacta027-unknown-firmness.yaml", "PACTA027", 44, 19 },
        { "pacta028-unknown-condition-kind.yaml", "PACTA028", 49, 19 },
        { "pacta029-unknown-assistance-type.yaml", "PACTA029", 43, 22 },
        { "pacta030-unknown-state.yaml", "PACTA030", 17, 12 },
        { "pacta031-ambiguous-state.yaml", "PACTA031", 17, 12 },
        { "pacta032-unknown-organization.yaml", "PACTA032", 17, 19 },
        { "pacta033-unknown-location.yaml", "PACTA033", 36, 19 },
        { "pacta034-unknown-region.yaml", "PACTA034", 36, 19 },
        { "pacta035-unknown-conflict.yaml", "PACTA035", 38, 26 },
        { "pacta036-unknown-source.yaml", "PACTA036", 30, 15 },
        { "pacta037-unknown-agreement.yaml", "PACTA037", 7, 16 },
        { "pacta038-target-not-party.yaml", "PACTA038", 33, 15 },
        { "pacta039-obligor-not-party.yaml", "PACTA039", 39, 18 },
        { "pacta040-bad-currency.yaml", "PACTA040", 46, 23 },
        { "pacta041-id-mismatch.yaml", "PACTA041", 1, 5 },
        { "pacta043-duplicate-provision.yaml", "PACTA043", 51, 9 },
        { "pacta044-duplicate-source.yaml", "PACTA044", 25, 9 },
        { "pacta045-bad-selector.yaml", "PACTA045", 33, 15 },
        { "pacta046-party-shape.yaml", "PACTA046", 17, 5 },
        { "pacta047-duplicate-party.yaml", "PACTA047", 17, 5 },
        { "pacta048-trigger-without-obligation.yaml", "PACTA048", 32, 7 },
        { "pacta049-bad-number.yaml", "PACTA049", 45, 21 },
        { "pacta050-bad-year.yaml", "PACTA050", 47, 19 },
        { "pacta051-bad-url.yaml", "PACTA051", 23, 10 },
        { "pacta052-bad-id.yaml", "PACTA052", 1, 5 },
        { "pacta053-no-provisions.yaml", "PACTA053", 25, 13 },
        { "pacta054-bad-territory.yaml", "PACTA054", 37, 20 },
        { "pacta055-target-without-trigger.yaml", "PACTA055", 58, 22 },
        { "pacta056-firmness-without-deadline.yaml", "PACTA056", 43, 19 },
        { "pacta057-bad-percent.yaml", "PACTA057", 48, 29 },
        { "pacta058-suspension-not-party.yaml", "PACTA058", 24, 19 },
        { "pacta060-no-sources.yaml", "PACTA060", 21, 10 },
        { "pacta061-provision-without-source.yaml", "PACTA061", 30, 14 },
        { "pacta062-duration-out-of-range.yaml", "PACTA062", 10, 13 },
        { "pacta063-bad-same-as.yaml", "PACTA063", 7, 16 },
        { "pacta067-unknown-relation.yaml", "PACTA067", 8, 15 },
        { "pacta064-bad-encoding.yaml", "PACTA064", 2, 19 },
        { "pacta066-control-character.yaml", "PACTA066", 2, 8 },
        { "pacta090-unknown-default-reading.yaml", "PACTA090", 34, 18 },
        { "pacta091-reading-shape.yaml", "PACTA091", 42, 13 },
        { "pacta092-duplicate-reading.yaml", "PACTA092", 42, 17 },
        { "pacta075-bad-threshold.yaml", "PACTA075", 39, 31 },
        { "pacta075-bad-threshold-empty.yaml", "PACTA075", 39, 17 },
        { "pacta076-bad-void-if.yaml", "PACTA076", 41, 22 },
        { "pacta076-bad-void-if-shape.yaml", "PACTA076", 38, 16 },
        { "reviews/pacta004-review-without-sources.yaml", "PACTA004", 4, 5 },
        { "reviews/pacta080-unknown-atop-alliance.yaml", "PACTA080", 12, 11 },
        { "reviews/pacta081-review-date-out-of-range.yaml", "PACTA081", 9, 17 },
        { "reviews/pacta082-review-inconsistent.yaml", "PACTA082", 6, 13 },
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
    public void Check_TwoFilesWithOneId_ReportsDuplicateIdInTheSecond()
    {
        var result = TestCorpus.Loader.Load([Repo.Path("tests", "fixtures", "broken", "pacta042-duplicate-id")], baseCorpusDir: Repo.Path("corpus"));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("PACTA042", 1, 5), (d.Code, d.Line, d.Column));
        Assert.EndsWith(Path.Combine("b", "test-pact-2020.yaml"), d.File);
    }

    [Fact]
    public void Fixtures_CoverEveryErrorCodeButUnreadableAndTooLarge()
    {
        // Unreadable and file-too-large need a FIFO, a device or a file over 1 MiB: InputFileTests makes them.
        var files = Directory.EnumerateFiles(Repo.Path("tests", "fixtures", "broken"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => System.Text.RegularExpressions.Regex.Match(f, "pacta[0-9]{3}").Value.ToUpperInvariant()).ToHashSet();
        var missing = ErrorCodes.Catalogue.Select(c => c.Code)
            .Where(c => c is not (ErrorCodes.Unreadable or ErrorCodes.FileTooLarge) && !files.Contains(c)).ToList();
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
