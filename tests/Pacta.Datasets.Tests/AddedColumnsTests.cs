using System.Text;
using Pacta.Datasets.Added;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;

namespace Pacta.Datasets.Tests;

/// <summary>
/// The added column families against values worked by hand from the shipped source files (data/contiguity,
/// data/cow/majors2016.csv, data/mids, data/wars) and against cases peacesciencer's documentation names.
/// </summary>
public sealed class AddedColumnsTests
{
    private const DyadColumnFamily Everything = DyadColumnFamily.Contiguity | DyadColumnFamily.Majors | DyadColumnFamily.Mids | DyadColumnFamily.Wars;
    private static readonly string DataDir = Path.Combine(Paths.Repo, "data");
    private static readonly Lazy<AddedColumns> All = new(() => AddedColumns.Load(DataDir, Everything, new YearRange(1815, 2025)));

    /// <summary>The added columns of one dyad-year by name (null = NA).</summary>
    private static Dictionary<string, int?> Row(int ccode1, int ccode2, int year, AddedColumns? added = null)
    {
        added ??= All.Value;
        var code = added.Code(ccode1, ccode2, year);
        return added.Columns.Select((c, i) => (c, v: added.Value(code, i))).ToDictionary(x => x.c, x => x.v);
    }

    [Theory]
    // contdir.csv: 2 USA – 20 CAN type 1 from 192001; 2 USA – 70 MEX type 1 from 183101.
    [InlineData(2, 20, 1950, 1)]
    [InlineData(20, 2, 1950, 1)]
    [InlineData(2, 70, 1950, 1)]
    // 200 UKG – 220 FRN across the Channel: type 3 (24 miles or less) 181601–194006 and from 194408; none between.
    [InlineData(200, 220, 1900, 3)]
    [InlineData(220, 200, 1940, 3)]
    [InlineData(200, 220, 1942, 0)]
    [InlineData(200, 220, 1944, 3)]
    // 2 USA – 365 RUS across the Bering Strait: type 2 only from 195901 (Alaskan statehood).
    [InlineData(2, 365, 1958, 0)]
    [InlineData(2, 365, 1959, 2)]
    // Type changes within a year: the closest counts (210 NTH – 220 FRN: 1 until 183012, then 5; 325 ITA – 345 YUG: 1 until 199201, then 4).
    [InlineData(210, 220, 1830, 1)]
    [InlineData(210, 220, 1831, 5)]
    [InlineData(325, 345, 1992, 1)]
    [InlineData(325, 345, 1993, 4)]
    // peacesciencer's add_contiguity() documentation: Zimbabwe (552) and Namibia (565) have no COW record, so 0.
    [InlineData(552, 565, 2000, 0)]
    public void Contiguity_type_is_the_closest_of_the_year_from_the_master_records(int a, int b, int year, int expected) =>
        Assert.Equal(expected, Row(a, b, year)["conttype"]);

    [Theory]
    // majors2016.csv: USA from 1898-08-13; ITA 1860 to 1943-09-02; GMY out 1946–1990, back from 1991-12-11.
    [InlineData(2, 325, 1950, 1, 0)]
    [InlineData(325, 2, 1950, 0, 1)]
    [InlineData(2, 325, 1897, 0, 1)]
    [InlineData(2, 325, 1943, 1, 1)]
    [InlineData(255, 710, 1960, 0, 1)]
    [InlineData(255, 710, 1991, 1, 1)]
    public void Major_power_status_follows_the_COW_spells_by_year(int a, int b, int year, int major1, int major2)
    {
        var row = Row(a, b, year);
        Assert.Equal(major1, row["cowmaj1"]);
        Assert.Equal(major2, row["cowmaj2"]);
    }

    [Fact]
    public void GML_MID_onset_and_ongoing_as_peacesciencer_defines_them()
    {
        // peacesciencer's add_gml_mids() documentation: France (220) and Italy (325) had three dispute onsets in
        // 1860 (MIDs 112, 113, 306); two of them (113, 306) go on into 1861 without a new onset.
        Assert.Equal(1, Row(220, 325, 1860)["gmlmidonset"]);
        Assert.Equal(1, Row(325, 220, 1860)["gmlmidongoing"]);
        Assert.Equal(0, Row(220, 325, 1861)["gmlmidonset"]);
        Assert.Equal(1, Row(220, 325, 1861)["gmlmidongoing"]);
        // GML MID 2: USA (2) – UKG (200), onset 1902.
        Assert.Equal(1, Row(2, 200, 1902)["gmlmidonset"]);
        // No dispute row: 0 and 0 inside the coverage.
        Assert.Equal(0, Row(2, 20, 1990)["gmlmidonset"]);
        Assert.Equal(0, Row(2, 20, 1990)["gmlmidongoing"]);
    }

    [Fact]
    public void COW_war_onset_and_ongoing_follow_the_directed_war_years()
    {
        // cow_war_inter.csv, war 151 (Korean War): USA (2) – North Korea (731) from 1950 to 1953.
        Assert.Equal(1, Row(2, 731, 1950)["cowinteronset"]);
        Assert.Equal(1, Row(731, 2, 1950)["cowinterongoing"]);
        Assert.Equal(0, Row(2, 731, 1951)["cowinteronset"]);
        Assert.Equal(1, Row(2, 731, 1953)["cowinterongoing"]);
        Assert.Equal(0, Row(2, 731, 1954)["cowinterongoing"]);
    }

    [Fact]
    public void Years_outside_each_sources_coverage_are_NA_never_0()
    {
        Assert.Equal(1, Row(2, 20, 2016)["conttype"]);
        Assert.Null(Row(2, 20, 2017)["conttype"]);
        Assert.Equal(1, Row(2, 20, 2016)["cowmaj1"]);
        Assert.Null(Row(2, 20, 2017)["cowmaj1"]);
        Assert.Null(Row(2, 20, 2017)["cowmaj2"]);
        Assert.Equal(0, Row(2, 20, 2010)["gmlmidongoing"]);
        Assert.Null(Row(2, 20, 2011)["gmlmidonset"]);
        Assert.Null(Row(2, 20, 2011)["gmlmidongoing"]);
        Assert.Equal(0, Row(2, 20, 2007)["cowinterongoing"]);
        Assert.Null(Row(2, 20, 2008)["cowinterongoing"]);
        Assert.Null(Row(2, 20, 2008)["cowinteronset"]);
        // ATOP's first year, 1815, comes before every source.
        Assert.All(Row(200, 220, 1815).Values, Assert.Null);
    }

    [Fact]
    public void Unknown_family_names_the_valid_ones()
    {
        Assert.Equal(DyadColumnFamily.Contiguity | DyadColumnFamily.Mids, DyadColumnFamilies.Parse("MIDs, contiguity", out var none));
        Assert.Null(none);
        Assert.Null(DyadColumnFamilies.Parse("contiguity,alliances", out var error));
        Assert.Equal("unknown column family 'alliances'; expected a comma-separated list of contiguity, majors, mids, wars", error);
        Assert.Null(DyadColumnFamilies.Parse("majors,", out error));
        Assert.Contains("contiguity, majors, mids, wars", error);
    }

    [Fact]
    public void Columns_follow_the_family_order_whatever_the_order_asked()
    {
        var added = AddedColumns.Load(DataDir, DyadColumnFamilies.Parse("wars,majors", out _)!.Value, new YearRange(1950, 1950));
        Assert.Equal(["cowmaj1", "cowmaj2", "cowinterongoing", "cowinteronset"], added.Columns);
        Assert.Equal(new int?[] { 1, 0, 1, 1 }, [.. Row(2, 731, 1950, added).Values]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_fused_frame_writer_writes_the_same_bytes_as_the_row_writer(bool directed)
    {
        var years = new YearRange(1938, 2020);
        var added = AddedColumns.Load(DataDir, Everything, years);
        var states = Paths.CowStatesOpen();
        var frame = DyadYears.AddAtop(directed ? AllPairs.Directed(states, years) : AllPairs.Undirected(states, years),
            AtopDatasets.DirectedTable(Paths.Atop, years), directed);
        Assert.IsType<DyadFrame>(frame);
        using var fused = new MemoryStream();
        using var plain = new MemoryStream();
        var n = CsvDatasetWriter.WriteDyadYears(fused, frame, origin: true, added);
        Assert.Equal(n, CsvDatasetWriter.WriteDyadYears(plain, frame.ToList(), origin: true, added));
        Assert.Equal(Encoding.ASCII.GetString(plain.ToArray()), Encoding.ASCII.GetString(fused.ToArray()));
        var text = Encoding.ASCII.GetString(fused.ToArray());
        Assert.StartsWith("ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,source,conttype,cowmaj1,cowmaj2,gmlmidonset,gmlmidongoing,cowinterongoing,cowinteronset\n", text);
        Assert.Contains("\n2,20,2017,1,0,0,1,1,atop,,,,,,,\n", text);
        Assert.Contains("\n2,731,1950,0,0,0,0,0,atop,0,1,0,1,1,1,1\n", text);
    }

    [Fact]
    public void A_malformed_source_file_is_reported_with_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("pacta-added-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "contiguity"));
            File.WriteAllText(Path.Combine(dir, "contiguity", "contdir.csv"),
                "dyad,statelno,statelab,statehno,statehab,conttype,begin,end,notes,version\n2020,2,\"USA\",20,\"CAN\",9,192001,201612,\"x, y\",3.2\n");
            var e = Assert.Throws<AddedDataException>(() => AddedColumns.Load(dir, DyadColumnFamily.Contiguity, new YearRange(1950, 1950)));
            Assert.EndsWith("contdir.csv:2: conttype: 9 is not a contiguity type (1–5)", e.Message);
            var missing = Assert.Throws<AddedDataException>(() => AddedColumns.Load(dir, DyadColumnFamily.Mids, new YearRange(1950, 1950)));
            Assert.Contains("gml_dirdisp.csv: the file is missing", missing.Message);
            Directory.CreateDirectory(Path.Combine(dir, "wars"));
            File.WriteAllText(Path.Combine(dir, "wars", "cow_war_inter.csv"),
                "\"warnum\",\"ccode1\",\"ccode2\",\"year\",\"cowinteronset\"\n1,220,230,1823,1\n1,230,220,1823,x\n");
            var bad = Assert.Throws<AddedDataException>(() => AddedColumns.Load(dir, DyadColumnFamily.Wars, new YearRange(1950, 1950)));
            Assert.EndsWith("cow_war_inter.csv:3: cowinteronset: 'x' is not a whole number", bad.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
