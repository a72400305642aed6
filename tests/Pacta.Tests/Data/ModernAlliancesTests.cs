using Pacta.Authoring;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>The post-2018 continuation: the corpus mapped to ATOP's five codes, joined to the ATOP release.</summary>
public sealed class ModernAlliancesTests
{
    private const int Usa = 2, Gbr = 200, Fra = 220, Swe = 380, Fin = 375, Ukr = 369, Rus = 365, Prk = 731, Aus = 900, Nzl = 920;

    private static readonly Lazy<AtopRelease> Release = new(() => AtopImporter.ImportFolder(Repo.Path("data", "atop")).Release!);
    private static readonly YearRange Modern = new(2019, 2025);

    /// <summary>The bundled corpus loaded as the CLI loads it: the ATOP ids its relations name are known.</summary>
    private static readonly Lazy<Corpus> Loaded = new(() =>
    {
        var loader = new CorpusLoader(TestCorpus.States, TestCorpus.Locations) { ExternalAgreementIds = Release.Value.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet(StringComparer.Ordinal) };
        var result = loader.LoadDirectory(Repo.Path("corpus"));
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics.Take(10)));
        return result.Corpus!;
    });

    private static Corpus Corpus => Loaded.Value;

    private static IEnumerable<Agreement> Pacta => Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta);

    private static DirectedDyadTable Table(bool includePolitical = false) =>
        ContinuousAlliances.Build(Release.Value, Pacta, Corpus, Modern.To, includePolitical).Table(new YearRange(2010, Modern.To));

    private static DirectedDyadTable Only(string agreement) =>
        DyadYears.CreateDirectedTable(ModernAlliances.From([Corpus.Agreement(agreement)!], Corpus,
            new DateOnly(2019, 1, 1), new DateOnly(2025, 12, 31)), Modern);

    [Fact]
    public void Only_the_five_ATOP_kinds_have_a_code()
    {
        Assert.Equal(AllianceObligations.Defense, ModernAlliances.Code(ProvisionKind.Defense));
        Assert.Equal(AllianceObligations.NonAggression, ModernAlliances.Code(ProvisionKind.NonAggression));
        Assert.Equal(AllianceObligations.Consultation, ModernAlliances.Code(ProvisionKind.Consultation));
        foreach (var k in new[] { ProvisionKind.Assistance, ProvisionKind.Sanctions, ProvisionKind.MembershipPath, ProvisionKind.SecurityCouncilReferral, ProvisionKind.Other })
            Assert.Null(ModernAlliances.Code(k));
    }

    [Fact]
    public void NATO_accessions_of_Finland_and_Sweden_come_from_the_encoding()
    {
        var t = Only("north-atlantic-treaty-1949");
        Assert.Equal(AllianceObligations.None, t.Get(Usa, Swe, 2023));
        Assert.True(t.Get(Usa, Swe, 2024).HasFlag(AllianceObligations.Defense | AllianceObligations.Consultation));
        Assert.True(t.Get(Swe, Usa, 2024).HasFlag(AllianceObligations.Defense));
        Assert.Equal(AllianceObligations.None, t.Get(Usa, Fin, 2022));
        Assert.True(t.Get(Usa, Fin, 2023).HasFlag(AllianceObligations.Defense));
    }

    [Fact]
    public void The_EU_clause_binds_Britain_until_2020_only_but_NATO_still_does()
    {
        var eu = Only("teu-2009-art-42-7");
        Assert.True(eu.Get(Gbr, Fra, 2020).HasFlag(AllianceObligations.Defense)); // a member until 31 January 2020
        for (var y = 2021; y <= 2025; y++)
        {
            Assert.Equal(AllianceObligations.None, eu.Get(Gbr, Fra, y));
            Assert.Equal(AllianceObligations.None, eu.Get(Fra, Gbr, y));
        }
        var all = Table();
        Assert.True(all.Get(Gbr, Fra, 2023).HasFlag(AllianceObligations.Defense | AllianceObligations.Pacta));
    }

    [Fact]
    public void Replaced_ATOP_alliances_stop_at_the_coverage_end_and_others_continue()
    {
        var c = ContinuousAlliances.Build(Release.Value, Pacta, Corpus, 2025);
        var nato = c.Atop.Single(a => a.Id == 3180);
        Assert.All(nato.Members, m => Assert.True(m.To is { } to && to <= new DateOnly(2018, 12, 31)));
        // The 2000 Russia–DPRK treaty ends the day before its 2024 successor enters into force.
        Assert.All(c.Atop.Single(a => a.Id == 4940).Members, m => Assert.True(m.To <= new DateOnly(2024, 12, 3)));
        Assert.Contains(c.Atop, a => a.Members.Any(m => m.To is null));
        Assert.Contains(c.Pacta, a => a.Id == 3180);
        Assert.All(c.Pacta, a => Assert.All(a.Members, m => Assert.True(m.From >= new DateOnly(2019, 1, 1))));
    }

    [Fact]
    public void Rows_up_to_2018_are_ATOP_only()
    {
        var t = Table();
        foreach (var a in t.States)
            foreach (var b in t.States)
                for (var y = 2010; y <= 2018; y++)
                    Assert.False(t.Get(a, b, y).HasFlag(AllianceObligations.Pacta), $"{a}->{b} {y}");
    }

    [Fact]
    public void Suspended_obligations_give_an_alliance_row_without_promises()
    {
        var t = Only("anzus-1951");
        Assert.Equal(AllianceObligations.Allied, t.Get(Usa, Nzl, 2020));
        Assert.True(t.Get(Aus, Nzl, 2020).HasFlag(AllianceObligations.Defense));
        Assert.True(t.Get(Usa, Aus, 2020).HasFlag(AllianceObligations.Defense));
    }

    [Fact]
    public void Russia_and_North_Korea_owe_defense_from_the_2024_treaty()
    {
        var t = Table();
        Assert.False(t.Get(Rus, Prk, 2023).HasFlag(AllianceObligations.Defense));
        Assert.True(t.Get(Rus, Prk, 2024).HasFlag(AllianceObligations.Defense | AllianceObligations.Pacta));
    }

    [Fact]
    public void Political_agreements_join_only_on_request()
    {
        Assert.False(Table().Get(Gbr, Ukr, 2024).HasFlag(AllianceObligations.Consultation));
        var t = Table(includePolitical: true);
        Assert.True(t.Get(Gbr, Ukr, 2024).HasFlag(AllianceObligations.Consultation | AllianceObligations.Pacta));
        // The bilateral agreements promise consultation, not defense (assistance has no ATOP code).
        Assert.False(t.Get(Gbr, Ukr, 2024).HasFlag(AllianceObligations.Defense));
    }
}
