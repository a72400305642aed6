namespace Pacta.Datasets.Atop;

/// <summary>
/// ATOP's dyad-year and state-year tables rebuilt from an imported release. Years past the release's coverage
/// are left out here (ATOP says nothing about them); other sources extend them through <see cref="AllianceInput"/>.
/// </summary>
public static class AtopDatasets
{
    public static YearRange Clip(AtopRelease release, YearRange years) =>
        new(Math.Max(years.From, 1815), Math.Min(years.To, release.CoverageEnd.Year));

    public static DirectedDyadTable DirectedTable(AtopRelease release, YearRange years) =>
        DyadYears.CreateDirectedTable(AtopToAlliances.Convert(release), Clip(release, years));

    public static IReadOnlyList<DyadYear> Directed(AtopRelease release, YearRange years) =>
        DirectedTable(release, years).DirectedRows().ToList();

    public static IReadOnlyList<DyadYear> Undirected(AtopRelease release, YearRange years) =>
        DirectedTable(release, years).UndirectedRows().ToList();

    public static IReadOnlyList<StateYear> StateYears(AtopRelease release, YearRange years) =>
        Datasets.StateYears.Create(AtopToAlliances.Convert(release), Clip(release, years));
}
