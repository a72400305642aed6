using Pacta.Authoring;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// <c>pacta export atop-extension</c>: Pacta's post-2018 alliances in ATOP 5.1's own layout, read back by the ATOP
/// importer as the same alliances.
/// </summary>
public sealed class AtopExtensionTests : IDisposable
{
    private static readonly Lazy<AtopRelease> Release = new(() => AtopImporter.ImportFolder(Repo.Path("data", "atop")).Release!);
    private static readonly DateOnly LastDay = new(2026, 12, 31);

    private static readonly Lazy<(Corpus Corpus, IReadOnlyList<AtopReview> Reviews)> Loaded = new(() =>
    {
        var loader = new CorpusLoader(TestCorpus.States, TestCorpus.Locations)
        {
            ExternalAgreementIds = Release.Value.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet(StringComparer.Ordinal),
        };
        var result = loader.LoadDirectory(Repo.Path("corpus"));
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics.Take(10)));
        return (result.Corpus!, result.Reviews);
    });

    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-extension-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<AtopExtension.Entry> Entries()
    {
        var (corpus, reviews) = Loaded.Value;
        var pacta = corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta).ToList();
        var continuous = ContinuousAlliances.Build(Release.Value, pacta, corpus, LastDay.Year, reviews: reviews);
        return AtopExtension.Select(continuous, pacta, LastDay);
    }

    private (string Alliances, string Members) Write(IReadOnlyList<AtopExtension.Entry> entries)
    {
        var a = Path.Combine(_dir, "atop-extension_a.csv");
        var m = Path.Combine(_dir, "atop-extension_m.csv");
        using (var w = new StreamWriter(m)) AtopExtension.WriteMembers(w, entries);
        using (var w = new StreamWriter(a)) AtopExtension.WriteAlliances(w, entries);
        return (a, m);
    }

    [Fact]
    public void The_columns_are_ATOPs_own_in_ATOPs_order()
    {
        Assert.Equal(File.ReadLines(Repo.Path("data", "atop", "atop5_1m.csv")).First(), string.Join(',', AtopExtension.MemberColumns));
        Assert.Equal(File.ReadLines(Repo.Path("data", "atop", "atop5_1a.csv")).First(), string.Join(',', AtopExtension.AllianceColumns));
    }

    [Fact]
    public void Export_then_import_gives_the_same_alliances()
    {
        var entries = Entries();
        Assert.Contains(entries, e => e.Agreement.Id == "sau-pak-2025");
        Assert.Contains(entries, e => e.Agreement.Id == "aus-tuv-2023");
        Assert.DoesNotContain(entries, e => e.Agreement.Id == "north-atlantic-treaty-1949"); // continues ATOP 3180
        Assert.All(entries, e => Assert.True(e.Alliance.Id >= ModernAlliances.FirstOwnId));
        var (a, m) = Write(entries);
        var imported = AtopImporter.Import(a, m);
        Assert.True(imported.Ok, string.Join('\n', imported.Errors.Take(10)));
        var release = imported.Release!;
        Assert.Equal(entries.Select(e => e.Alliance.Id), release.Alliances.Select(x => x.AtopId));
        foreach (var e in entries)
        {
            var x = release.Alliance(e.Alliance.Id)!;
            Assert.Equal(
                e.Alliance.Members.Select(s => (s.State, s.From, s.To, s.Obligations & AllianceObligations.AtopKinds)).Order(),
                x.Members.Select(s => (s.State, s.Entry.FirstDay, s.Exit?.LastDay, s.Obligations)).Order());
            Assert.Equal(e.Alliance.Members.All(s => s.To is null), x.InEffect);
        }
        // The same directed dyad-years, directions included (the Falepili Union runs Australia -> Tuvalu).
        var years = new YearRange(2019, LastDay.Year);
        var before = DyadYears.CreateDirected(entries.Select(e => e.Alliance), years);
        var after = DyadYears.CreateDirected(AtopToAlliances.Convert(release), years);
        Assert.Equal(before, after);
        Assert.Contains(after, r => r is { Ccode1: 900, Ccode2: 947, Year: 2024, Defense: 1 });
        Assert.Contains(after, r => r is { Ccode1: 947, Ccode2: 900, Year: 2024, Defense: 0 });
        var tuv = release.Alliance(entries.Single(e => e.Agreement.Id == "aus-tuv-2023").Alliance.Id)!;
        Assert.True(tuv.Asymmetric);
    }

    [Fact]
    public void Uncoded_columns_are_left_missing()
    {
        var (_, m) = Write(Entries());
        var lines = File.ReadAllLines(m);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal(header.Length, row.Length);
        foreach (var column in new[] { "cowid", "cow4id", "wartime", "termmode", "estmode", "source", "version" })
            Assert.Equal("", row[Array.IndexOf(header, column)]);
    }
}
