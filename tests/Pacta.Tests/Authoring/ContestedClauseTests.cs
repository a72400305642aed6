using Pacta.Authoring;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>
/// An agreement's contested clauses and a review's contested points are read by one reader: the same broken clause
/// gives the same errors, with the same codes and messages, at the same place within the clause, in both files.
/// </summary>
public sealed class ContestedClauseTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pacta-contested");

    public void Dispose() => _dir.Delete(recursive: true);

    // One clause, broken three ways: the first reading's id is not lower-case, it cites a source the file does not
    // define, and the default names no reading. SET stands for what a reading sets, the one part that differs.
    private const string Clause = """
        contested:
          - clause: exit
            question: Did the state leave?
            default: stays
            default_reason: The later source.
            readings:
              - id: Leaves
                summary: It left.
                sources: [t]
                set: SET
              - id: remains
                summary: It stayed.
                sources: [s1]
                set: SET
        """;

    private string Write(string folder, string name, string text)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir.FullName, folder));
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    private static string Indent(string text, int by) => string.Join('\n', text.Split('\n').Select(l => new string(' ', by) + l));

    // Each error as (code, message, line and column within the clause block).
    private static List<(string Code, string Message, int Line, int Column)> Relative(LoadResult r, int firstLine, int indent) =>
        [.. r.Diagnostics.Select(d => (d.Code, d.Message, d.Line - firstLine + 1, d.Column - indent))];

    [Fact]
    public void A_bad_reading_gives_the_same_located_errors_in_an_agreement_and_in_a_review()
    {
        var agreementText = File.ReadAllText(Repo.Path("tests", "fixtures", "valid", "test-pact-2020.yaml")).Replace("\r\n", "\n").TrimEnd('\n') + "\n";
        var agreementLine = agreementText.Count(c => c == '\n') + 1;
        var agreement = Write("agreements", "test-pact-2020.yaml", agreementText + Clause.Replace("SET", "{ assumed_parties: exclude }") + "\n");

        const string ReviewHead = """
            id: r
            title: Review
            alliances:
              - atop: 3150
                name: OAS
                status: changed
                sources:
                  - id: s1
                    url: https://example.org/s
                    supports: s

            """;
        var reviewLine = ReviewHead.Replace("\r\n", "\n").Count(c => c == '\n') + 1;
        var review = Write("reviews", "r.yaml", ReviewHead.Replace("\r\n", "\n") + Indent(Clause.Replace("SET", "{ changes: [] }"), 4) + "\n");

        var fromAgreement = TestCorpus.Loader.Load([agreement], baseCorpusDir: null);
        var fromReview = TestCorpus.Loader.Load([review], baseCorpusDir: null);

        // Worked out from the block, in the loader's order (by place): the default (line 4), the first reading's id
        // (line 7) and its sources (line 9).
        List<(string, string, int, int)> expected =
        [
            ("PACTA090", "default 'stays' is not a reading of this clause (readings: remains)", 4, 14),
            ("PACTA052", "reading id 'Leaves' must be lower-case words joined by '-'", 7, 13),
            ("PACTA036", "unknown source id 't'; did you mean 's1'?", 9, 19),
        ];
        Assert.Equal(expected, Relative(fromAgreement, agreementLine, 0));
        Assert.Equal(expected, Relative(fromReview, reviewLine, 4));
    }
}
