using System.Text.Json.Nodes;
using Pacta.Authoring;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// The bundled review covers every ATOP alliance open at the end of 2018, and each change it records after 2018
/// shows in the dyad-years and state-years (docs/datasets.md, "The review").
/// </summary>
public sealed class ReviewCoverageTests
{
    private static Lazy<AtopRelease> Release => ReviewedCorpus.Release;
    private static LoadResult Loaded => ReviewedCorpus.Loaded;
    private static IEnumerable<Agreement> PactaAgreements => ReviewedCorpus.PactaAgreements;

    private static readonly Lazy<ContinuousAlliances> Continuous = new(() => ReviewedCorpus.Continuous(2026));

    private static readonly Lazy<DirectedDyadTable> Table = new(() => Continuous.Value.Table(new YearRange(2017, 2026)));

    [Fact]
    public void Every_ATOP_alliance_open_at_the_end_of_2018_has_exactly_one_review()
    {
        var open = ReviewCoverage.OpenAtEnd(Release.Value);
        Assert.Equal(372, open.Count);
        // A new alliance left open, or a review lost, fails here: nothing after 2018 rests on an assumption.
        Assert.Equal(open, Loaded.Reviews.Select(r => r.AtopId).Order());
        Assert.Empty(Continuous.Value.Unreviewed!);
        Assert.All(Loaded.Reviews, r => Assert.NotEmpty(r.Sources));
        Assert.All(Loaded.Reviews.SelectMany(r => r.Sources), s => Assert.NotNull(s.Retrieved));
        var rows = ReviewCoverage.Build(Release.Value, Loaded.Reviews, PactaAgreements, c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rows, r => r.Decision == "unreviewed");
        Assert.Equal("csto-1992", rows.Single(r => r.AtopId == 4220).TakenOverBy);
    }

    [Fact]
    public void Without_the_review_the_open_alliances_are_unreviewed_and_listed_as_such()
    {
        var partial = Loaded.Reviews.Where(r => r.AtopId != 3222).ToList();
        var rows = ReviewCoverage.Build(Release.Value, partial, PactaAgreements, c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([3222], rows.Where(r => r.Decision == "unreviewed").Select(r => r.AtopId));
        var c = ReviewedCorpus.Continuous(2025, partial);
        Assert.Equal([3222], c.Unreviewed!.Order());
        // Saudi Arabia - Pakistan 2025: the 1951 treaty unreviewed, so the row says so.
        Assert.Equal(DyadOrigin.AtopUnreviewed, DyadOrigins.Of(c.Table(new YearRange(2025, 2025)).Get(670, 770, 2025), 2025));
        Assert.Equal(DyadOrigin.Pacta, DyadOrigins.Of(Table.Value.Get(670, 770, 2025), 2025));
    }

    // Each change the review records after 2018 (the shared table ReviewedChanges), as the directed dyad-year it
    // changes: the last year with the promise (in force on at least one day, ATOP's year rule) and the first year
    // without it, or the reverse.
    [Theory]
    [MemberData(nameof(ReviewedChanges.Ending), MemberType = typeof(ReviewedChanges))]
    public void A_promise_ends_after_2018_where_the_review_says(int c1, int c2, string column, int lastYearWith, int firstYearWithout)
    {
        var flag = Flag(column);
        Assert.True(Table.Value.Get(c1, c2, lastYearWith).HasFlag(flag), $"{c1}->{c2} {column} in {lastYearWith}");
        Assert.False(Table.Value.Get(c1, c2, firstYearWithout).HasFlag(flag), $"{c1}->{c2} {column} in {firstYearWithout}");
    }

    // Venezuela and the OAS Charter (3150), read both ways: the denunciation of 2017-04-28 effective on 2019-04-27
    // (default), or revoked by the National Assembly, whose representative the Permanent Council seated on 2019-04-09.
    [Theory]
    [InlineData(null, false)]
    [InlineData("venezuela-oas-exit=denunciation-effective", false)]
    [InlineData("venezuela-oas-exit=revoked-by-assembly", true)]
    [InlineData("atop-3150:venezuela-oas-exit=revoked-by-assembly", true)]
    public void Venezuelas_exit_from_the_OAS_Charter_follows_the_reading(string? choice, bool memberIn2020)
    {
        IReadOnlyList<ReadingChoice> readings = choice is null ? [] : [ReadingChoices.Parse(choice, out _)!];
        Assert.Null(readings.Count == 0 ? null : ReviewReadings.Check(readings[0], Loaded.Reviews));
        var c = ReviewedCorpus.Continuous(2026, readings: readings);
        var table = c.Table(new YearRange(2018, 2026));
        // VEN -> USA 2020 atop_defense: 1 only while Venezuela is a party; in 2019 it was a party on some day either way.
        Assert.Equal(memberIn2020, table.Get(101, 2, 2020).HasFlag(AllianceObligations.Defense));
        Assert.True(table.Get(101, 2, 2019).HasFlag(AllianceObligations.Defense));
        Assert.Equal(memberIn2020, table.Get(2, 101, 2025).HasFlag(AllianceObligations.Defense));
        // Nicaragua's exit is not contested: it holds under both readings.
        Assert.False(table.Get(93, 2, 2024).HasFlag(AllianceObligations.Defense));
        var years = c.StateYearsAfterRelease(new YearRange(2020, 2020));
        Assert.Equal(memberIn2020, years.Single(s => s.State == 101 && s.Year == 2020).AllianceIds.Contains(3150));
        var applied = ReviewReadings.Applied(Loaded.Reviews, readings).Single();
        Assert.Equal(("atop-3150", "venezuela-oas-exit", !memberIn2020), (applied.Scope, applied.Clause, applied.IsDefault));
    }

    [Theory]
    [InlineData("venezuela-oas-exit=revoked", "'venezuela-oas-exit' has no reading 'revoked'")]
    [InlineData("venezuela-exit=revoked-by-assembly", "no contested point 'venezuela-exit' in the reviews")]
    [InlineData("atop-3180:venezuela-oas-exit=revoked-by-assembly", "no reviewed alliance 'atop-3180' with a contested point")]
    public void A_reading_the_reviews_do_not_have_is_refused(string choice, string message)
    {
        var problem = ReviewReadings.Check(ReadingChoices.Parse(choice, out _)!, Loaded.Reviews);
        Assert.NotNull(problem);
        Assert.Contains(message, problem);
    }

    [Fact]
    public void Pacta_dyads_and_state_years_take_the_reading_and_say_which_they_used()
    {
        var dir = Directory.CreateTempSubdirectory("pacta-reading-");
        try
        {
            string Run(string? reading, string command)
            {
                var path = Path.Combine(dir.FullName, $"{command}-{reading ?? "default"}.csv");
                string[] args = command == "dyads"
                    ? ["dyads", "--directed", "--from", "2020", "--to", "2020", "--out", path, "--json"]
                    : ["state-years", "--from", "2020", "--to", "2020", "--out", path, "--json"];
                var r = PactaCli.Run(reading is null ? args : [.. args, "--reading", reading]);
                Assert.True(r.ExitCode == 0, r.Stderr);
                var used = JsonNode.Parse(r.Stdout)!["readings"]!.AsArray().Single()!;
                Assert.Equal(("atop-3150", "venezuela-oas-exit"), ((string)used["review"]!, (string)used["clause"]!));
                Assert.Equal(reading is null, (bool)used["default"]!);
                return File.ReadAllText(path);
            }
            // ATOP's column order: ccode1,ccode2,year,atop_defense,...
            Assert.DoesNotContain("\n101,2,2020,1,", Run(null, "dyads"));
            Assert.Contains("\n101,2,2020,1,", Run("venezuela-oas-exit=revoked-by-assembly", "dyads"));
            Assert.DoesNotContain(",3150,", Run(null, "state-years").Split('\n').Single(l => l.StartsWith("101,2020,", StringComparison.Ordinal)));
            Assert.Contains(",3150,", Run("venezuela-oas-exit=revoked-by-assembly", "state-years").Split('\n').Single(l => l.StartsWith("101,2020,", StringComparison.Ordinal)));
            var bad = PactaCli.Run("dyads", "--directed", "--from", "2020", "--to", "2020", "--out", Path.Combine(dir.FullName, "x.csv"), "--reading", "venezuela-oas-exit=maybe");
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("--reading: 'venezuela-oas-exit' has no reading 'maybe'", bad.Stderr);
            var text = PactaCli.Run("dyads", "--directed", "--from", "2020", "--to", "2020", "--out", Path.Combine(dir.FullName, "y.csv"));
            Assert.Contains("readings: atop-3150:venezuela-oas-exit=denunciation-effective (default)", text.Stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Contested_point_errors_are_located()
    {
        var result = ReviewedCorpus.LoadReviewFile(ReviewedCorpus.ReviewFile("""
            atop: 3150
            name: OAS
            status: changed
            contested:
              - clause: exit
                question: q
                default: stays
                default_reason: r
                readings:
                  - id: leaves
                    summary: s
                    sources: [t]
                    set:
                      changes:
                        - state: VEN
                          leaves: 2019-04-27
                  - id: remains
                    summary: s
                    sources: [s]
                    set: { changes: [] }
            """));
        Assert.False(result.Ok);
        Assert.Equal([("PACTA090", 10, 18), ("PACTA036", 15, 23)], result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Contains("default 'stays' is not a reading of this clause", result.Diagnostics[0].Message);
        Assert.Contains("unknown source id 't'", result.Diagnostics[1].Message);
    }

    [Theory]
    [MemberData(nameof(ReviewedChanges.Starting), MemberType = typeof(ReviewedChanges))]
    public void A_promise_starts_after_2018_where_the_review_says(int c1, int c2, string column, int lastYearWithout, int firstYearWith)
    {
        var flag = Flag(column);
        Assert.False(Table.Value.Get(c1, c2, lastYearWithout).HasFlag(flag), $"{c1}->{c2} {column} in {lastYearWithout}");
        Assert.True(Table.Value.Get(c1, c2, firstYearWith).HasFlag(flag), $"{c1}->{c2} {column} in {firstYearWith}");
        Assert.Equal(DyadOrigin.AtopReviewed, DyadOrigins.Of(Table.Value.Get(c1, c2, firstYearWith), firstYearWith));
    }

    [Theory]
    [InlineData(652, 3205, 2022, 2023)]               // Syria, Arab League: out 2011-11-12 (ATOP) .. back 2023-05-07
    [InlineData(652, 3015, 2022, 2023)]
    public void A_suspension_that_ends_restores_the_membership(int state, int atopId, int lastYearOut, int firstYearIn)
    {
        var years = Continuous.Value.StateYearsAfterRelease(new YearRange(2019, 2026));
        Assert.DoesNotContain(atopId, years.Single(s => s.State == state && s.Year == lastYearOut).AllianceIds);
        Assert.Contains(atopId, years.Single(s => s.State == state && s.Year == firstYearIn).AllianceIds);
        Assert.True(years.Single(s => s.State == state && s.Year == firstYearIn).TransitionYear);
        // ATOP's own years keep ATOP's exit (the suspension of 2011) untouched.
        var spells = Continuous.Value.Atop.Single(a => a.Id == atopId).Members.Where(m => m.State == state).OrderBy(m => m.From).ToList();
        Assert.Equal(new DateOnly(2011, 11, 12), spells[^2].To);
        Assert.Equal((new DateOnly(2023, 5, 7), (DateOnly?)null), (spells[^1].From, spells[^1].To));
    }

    [Theory]
    [InlineData(371, 4220, 2024, 2025)]               // Armenia freezes the CSTO on 2024-02-22 (laid over csto-1992)
    [InlineData(770, 3705, 2025, 2026)]               // Pakistan holds the Simla Agreement in abeyance from 2025-04-24
    public void An_open_suspension_ends_the_membership_in_the_datasets(int state, int atopId, int lastYearIn, int firstYearOut)
    {
        var years = Continuous.Value.StateYearsAfterRelease(new YearRange(2019, 2026));
        Assert.Contains(atopId, years.Single(s => s.State == state && s.Year == lastYearIn).AllianceIds);
        Assert.DoesNotContain(atopId, years.Single(s => s.State == state && s.Year == firstYearOut).AllianceIds);
        // Its co-members keep the alliance.
        var other = atopId == 4220 ? 365 : 750;
        Assert.Contains(atopId, years.Single(s => s.State == other && s.Year == firstYearOut).AllianceIds);
    }

    [Fact]
    public void Armenias_suspension_leaves_it_a_member_of_the_organization_and_ends_its_dataset_spell()
    {
        // The organization keeps Armenia (no formal withdrawal); the datasets end its spell at the freeze, as the
        // treaty's default reading (csto-1992, armenia-participation=frozen) does for the what-if and the cascade.
        var csto = Loaded.Corpus!.Organization("csto")!;
        Assert.Contains(csto.Members, m => m.State == 371 && m.Span.Contains(new DateOnly(2025, 6, 1)));
        var spells = Continuous.Value.Pacta.Single(a => a.Id == 4220).Members.Where(m => m.State == 371).ToList();
        Assert.All(spells, m => Assert.True(m.To is { } t && t <= new DateOnly(2024, 2, 21)));
    }

    [Fact]
    public void Suspension_errors_are_located()
    {
        var result = ReviewedCorpus.LoadReviewFile(ReviewedCorpus.ReviewFile(
            """
            atop: 3205
            name: Arab League
            status: changed
            changes:
              - state: SYR
                suspended: 2011-11-12
            """,
            """
            atop: 3015
            name: Arab League pact
            status: changed
            changes:
              - state: SYR
                suspended: 2023-05-07
                until: 2023-05-01
            """,
            """
            atop: 3150
            name: OAS
            status: changed
            changes:
              - state: NIC
                leaves: 2023-11-19
                until: 2024-01-01
            """));
        Assert.False(result.Ok);
        Assert.Equal(
            [("PACTA081", 9, 20), ("PACTA082", 20, 16), ("PACTA082", 31, 16)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Contains("needs the day it ended", result.Diagnostics[0].Message);
        Assert.Contains("'until' 2023-05-01 is before 'suspended' 2023-05-07", result.Diagnostics[1].Message);
        Assert.Contains("belongs to a 'suspended' change only", result.Diagnostics[2].Message);
    }

    [Fact]
    public void Pacta_reviews_lists_every_decision_and_filters_by_one()
    {
        var r = PactaCli.Run("reviews", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonNode.Parse(r.Stdout)!;
        Assert.Equal(372, (int)json["open_at_end"]!);
        Assert.Equal(0, (int)json["counts"]!["unreviewed"]!);
        Assert.Equal(372, json["alliances"]!.AsArray().Count);
        var suspended = PactaCli.Run("reviews", "--status", "suspended", "--json");
        Assert.Equal([3015, 3205, 3705, 4220], JsonNode.Parse(suspended.Stdout)!["alliances"]!.AsArray().Select(a => (int)a!["atop"]!));
        var text = PactaCli.Run("reviews", "--status", "ended");
        Assert.Contains("4875  ended     ended 2019-03-31", text.Stdout);
        Assert.Contains("372 ATOP alliances open at the end of 2018:", text.Stdout);
        var md = PactaCli.Run("reviews", "--markdown", "--status", "suspended");
        Assert.Contains("| 4220 | Collective Security Treaty (CSTO), phase 2 | suspended | ARM suspended from 2024-02-22 | `csto-1992` |", md.Stdout);
        var bad = PactaCli.Run("reviews", "--status", "maybe");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--status: 'maybe' is not one of continued, ended, changed, suspended, unreviewed", bad.Stderr);
    }

    [Fact]
    public void The_table_in_docs_datasets_md_is_what_pacta_reviews_prints()
    {
        const string Begin = "<!-- pacta reviews --markdown: begin -->\n", End = "<!-- pacta reviews --markdown: end -->";
        var doc = File.ReadAllText(Repo.Path("docs", "datasets.md")).Replace("\r\n", "\n");
        var from = doc.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var table = doc[from..doc.IndexOf(End, from, StringComparison.Ordinal)];
        var r = PactaCli.Run("reviews", "--markdown");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(r.Stdout.Replace("\r\n", "\n"), table);
    }

    private static AllianceObligations Flag(string column) => column switch
    {
        "defense" => AllianceObligations.Defense,
        "nonagg" => AllianceObligations.NonAggression,
        "consul" => AllianceObligations.Consultation,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
