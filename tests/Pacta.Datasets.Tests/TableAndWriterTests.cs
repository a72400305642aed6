using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Datasets.Output;
using Pacta.Domain;

namespace Pacta.Datasets.Tests;

public class TableAndWriterTests
{
    private static readonly IReadOnlyList<State> States = Paths.CowStatesOpen();

    /// <summary>
    /// A made-up post-release alliance between two states that share none in ATOP: Switzerland defends Japan and
    /// Japan consults; from mid-2021 (phase 2) both only consult. The non-COW member 8152 is left out.
    /// </summary>
    private static AllianceInput OwnAlliance() => new(900_001,
    [
        new AllianceMemberSpell(225, 1, new DateOnly(2019, 1, 1), new DateOnly(2021, 6, 30), AllianceObligations.Defense),
        new AllianceMemberSpell(740, 1, new DateOnly(2019, 1, 1), new DateOnly(2021, 6, 30), AllianceObligations.Consultation),
        new AllianceMemberSpell(225, 2, new DateOnly(2021, 7, 1), null, AllianceObligations.Consultation),
        new AllianceMemberSpell(740, 2, new DateOnly(2021, 7, 1), null, AllianceObligations.Consultation),
        new AllianceMemberSpell(8152, 2, new DateOnly(2021, 7, 1), null, AllianceObligations.Defense),
    ]);

    [Fact]
    public void The_one_pass_table_marks_exactly_the_cells_that_Pactas_alliances_contribute()
    {
        var years = new YearRange(2010, 2025);
        var atop = AtopToAlliances.Convert(Paths.Atop);
        var own = new[] { OwnAlliance() };
        var table = new ContinuousAlliances(atop, own, new DateOnly(2018, 12, 31)).Table(years);
        // Reference: the table of both sources, and a separate table of Pacta's alliances for the provenance.
        var both = DyadYears.CreateDirectedTable(atop.Concat(own), years);
        var pacta = DyadYears.CreateDirectedTable(own, years);
        Assert.Equal(both.States, table.States);
        foreach (var a in table.States)
            foreach (var b in table.States)
                for (var y = years.From; y <= years.To; y++)
                {
                    var expected = both.Get(a, b, y);
                    if ((pacta.Get(a, b, y) & AllianceObligations.Allied) != 0) expected |= AllianceObligations.Pacta;
                    Assert.Equal(expected, table.Get(a, b, y));
                }
        const AllianceObligations Own = AllianceObligations.Allied | AllianceObligations.Pacta;
        Assert.Equal(AllianceObligations.Defense | Own, table.Get(225, 740, 2020));
        Assert.Equal(AllianceObligations.Consultation | Own, table.Get(740, 225, 2020));
        // 2021 takes the phase in force at the year's end: consultation only.
        Assert.Equal(AllianceObligations.Consultation | Own, table.Get(225, 740, 2021));
        Assert.Equal(AllianceObligations.None, table.Get(225, 740, 2018));
        // ATOP's own cells keep no provenance mark.
        Assert.Equal(AllianceObligations.None, table.Get(2, 740, 2020) & AllianceObligations.Pacta);
        Assert.NotEqual(AllianceObligations.None, table.Get(2, 740, 2020) & AllianceObligations.Defense);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void All_pairs_CSV_with_the_source_column_equals_row_by_row_writing(bool directed)
    {
        var years = new YearRange(1990, 2025);
        var table = new ContinuousAlliances(AtopToAlliances.Convert(Paths.Atop), [OwnAlliance()], new DateOnly(2018, 12, 31)).Table(years);
        var frame = DyadYears.AddAtop(directed ? AllPairs.Directed(States, years) : AllPairs.Undirected(States, years), table, directed);
        using var fused = new MemoryStream();
        using var rowByRow = new MemoryStream();
        var n1 = CsvDatasetWriter.WriteDyadYears(fused, frame, origin: true);
        var n2 = CsvDatasetWriter.WriteDyadYears(rowByRow, frame.Select(r => r), origin: true);
        Assert.Equal(n2, n1);
        Assert.Equal(rowByRow.ToArray(), fused.ToArray());
        var text = System.Text.Encoding.ASCII.GetString(fused.ToArray());
        Assert.Contains(directed ? "\n225,740,2020,1,0,0,0,0,pacta\n" : "\n225,740,2020,1,0,0,0,1,pacta\n", text);
        Assert.Contains("\n225,740,2021,0,0,0,0,1,pacta\n", text);
        Assert.Contains("\n225,740,2018,0,0,0,0,0,atop\n", text);
    }

    /// <summary>A stream that fails after some bytes, as a full disk would.</summary>
    private sealed class FailingStream(long limit) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > limit) throw new IOException("No space left on device");
            base.Write(buffer, offset, count);
        }
    }

    [Fact]
    public void A_failing_write_stops_the_formatting_threads_and_surfaces_the_error()
    {
        var years = new YearRange(1816, 2025);
        var frame = AllPairs.Directed(States, years);
        var run = Task.Run(() => CsvDatasetWriter.WriteDyadYears(new FailingStream(3_000_000), frame));
        Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the writer hung after the stream failed");
        var e = Assert.Throws<AggregateException>(() => run.Wait());
        Assert.IsType<IOException>(e.InnerException);
    }
}
