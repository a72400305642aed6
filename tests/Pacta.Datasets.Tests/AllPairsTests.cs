using System.Collections;
using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Datasets.Tests;

public class AllPairsTests
{
    private static readonly IReadOnlyList<State> States = Paths.CowStatesOpen();

    /// <summary>Counted independently: one bit per day of the year per state, a pair counts when the bits meet.</summary>
    private static long CountByDays(int from, int to)
    {
        long n = 0;
        for (var y = from; y <= to; y++)
        {
            var jan1 = new DateOnly(y, 1, 1);
            var days = DateTime.IsLeapYear(y) ? 366 : 365;
            var bits = new List<BitArray>();
            foreach (var s in States)
            {
                var b = new BitArray(days);
                for (var d = 0; d < days; d++) b[d] = s.IsSystemMemberOn(jan1.AddDays(d));
                if (b.Cast<bool>().Any(x => x)) bits.Add(b);
            }
            for (var i = 0; i < bits.Count; i++)
                for (var j = 0; j < bits.Count; j++)
                {
                    if (i != j && new BitArray(bits[i]).And(bits[j]).Cast<bool>().Any(x => x)) n++;
                }
        }
        return n;
    }

    [Fact]
    public void Directed_count_1989_1992_matches_a_day_by_day_count_of_COW_membership()
    {
        var range = new YearRange(1989, 1992);
        var rows = AllPairs.Directed(States, range).ToList();
        Assert.Equal(CountByDays(1989, 1992), rows.Count);
        Assert.Equal(rows.Count, AllPairs.Count(States, range, directed: true));
        Assert.Equal(rows.Count, 2 * AllPairs.Undirected(States, range).Count());
        // West Germany ends 1990-10-02 and Germany starts 1990-10-03: no common day in 1990.
        Assert.DoesNotContain(rows, r => r.Ccode1 == 255 && r.Ccode2 == 260 && r.Year == 1990);
        Assert.Contains(rows, r => r.Ccode1 == 2 && r.Ccode2 == 260 && r.Year == 1990);
        Assert.Contains(rows, r => r.Ccode1 == 2 && r.Ccode2 == 255 && r.Year == 1990);
        Assert.Equal(rows.OrderBy(r => r.Ccode1).ThenBy(r => r.Ccode2).ThenBy(r => r.Year), rows);
    }

    [Fact]
    public void Alliance_columns_join_onto_the_frame_and_are_zero_elsewhere()
    {
        var range = new YearRange(1816, 1899);
        var table = AtopDatasets.DirectedTable(Paths.Atop, range);
        var frame = DyadYears.AddAtop(AllPairs.Directed(States, range), table).ToList();
        var atop = AtopDatasets.Directed(Paths.Atop, range).ToDictionary(r => (r.Ccode1, r.Ccode2, r.Year));
        foreach (var r in frame)
        {
            var expected = atop.TryGetValue((r.Ccode1, r.Ccode2, r.Year), out var a) ? a.Obligations : AllianceObligations.None;
            Assert.Equal(expected & AllianceObligations.AtopKinds, r.Obligations & AllianceObligations.AtopKinds);
        }
        Assert.Contains(frame, r => r.Ccode1 == 200 && r.Ccode2 == 380 && r.Year == 1856 && r.Defense == 1);
        Assert.Contains(frame, r => r.Ccode1 == 380 && r.Ccode2 == 200 && r.Year == 1856 && r.Defense == 0 && r.Consul == 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_fused_CSV_writer_equals_row_by_row_writing(bool directed)
    {
        var range = new YearRange(1900, 1960);
        var table = AtopDatasets.DirectedTable(Paths.Atop, range);
        var frame = directed ? AllPairs.Directed(States, range) : AllPairs.Undirected(States, range);
        var joined = DyadYears.AddAtop(frame, table, directed);
        Assert.IsType<DyadFrame>(joined);
        using var fused = new MemoryStream();
        using var rowByRow = new MemoryStream();
        var n1 = Output.CsvDatasetWriter.WriteDyadYears(fused, joined);
        var n2 = Output.CsvDatasetWriter.WriteDyadYears(rowByRow, joined.Select(r => r));
        Assert.Equal(n1, n2);
        Assert.Equal(rowByRow.ToArray(), fused.ToArray());
        // Undirected: a promise by either side counts (codebook §2.6).
        if (!directed)
        {
            var rows = joined.ToList();
            var r = rows.Single(x => x.Ccode1 == 200 && x.Ccode2 == 220 && x.Year == 1950);
            Assert.Equal(1, r.Defense);
        }
    }

    [Fact]
    public void Years_after_the_release_have_no_ATOP_promises()
    {
        var range = new YearRange(2017, 2020);
        var table = AtopDatasets.DirectedTable(Paths.Atop, range);
        var frame = DyadYears.AddAtop(AllPairs.Directed(States, range), table).ToList();
        Assert.Contains(frame, r => r.Ccode1 == 2 && r.Ccode2 == 200 && r.Year == 2018 && r.Defense == 1);
        Assert.Contains(frame, r => r.Ccode1 == 2 && r.Ccode2 == 200 && r.Year == 2019 && r.Defense == 0);
    }
}
