using System.Text;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;
using Parquet;

namespace Pacta.Datasets.Tests;

/// <summary>The provenance column: the fused all-pairs writer and the row writer agree, and parquet carries it.</summary>
public class SourceColumnTests
{
    private static readonly YearRange Years = new(2010, 2020);

    /// <summary>
    /// The ATOP table with an invented alliance from Pacta's encoding (USA–SWE, defense, from 2019) marked, and every
    /// ATOP alliance open at the end of 2018 unreviewed except the OAS Charter (3150) and the Helsinki Final Act (3740).
    /// </summary>
    private static DirectedDyadTable Table()
    {
        var own = new AllianceInput(900_001,
        [
            new AllianceMemberSpell(2, 1, new DateOnly(2019, 1, 1), null, AllianceObligations.Defense),
            new AllianceMemberSpell(380, 1, new DateOnly(2019, 1, 1), null, AllianceObligations.Defense),
        ]);
        var atop = AtopToAlliances.Convert(Paths.Atop);
        var unreviewed = atop.Where(a => a.Id is not (3150 or 3740) && a.Members.Any(m => m.To is null)).Select(a => a.Id).ToHashSet();
        var continuous = new Modern.ContinuousAlliances(atop, [own], Paths.Atop.CoverageEnd, unreviewed);
        return continuous.Table(Years);
    }

    private static string Csv(IEnumerable<DyadYear> rows)
    {
        using var ms = new MemoryStream();
        CsvDatasetWriter.WriteDyadYears(ms, rows, origin: true);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fused_all_pairs_writer_equals_the_row_writer(bool directed)
    {
        var states = Paths.CowStatesOpen();
        var frame = directed ? AllPairs.Directed(states, Years) : AllPairs.Undirected(states, Years);
        var joined = DyadYears.AddAtop(frame, Table(), directed);
        Assert.IsType<DyadFrame>(joined);
        var fused = Csv(joined);
        var rowByRow = Csv(joined.ToList());
        Assert.Equal(rowByRow, fused);
        var lines = fused.Split('\n');
        Assert.Equal(string.Join(',', CsvDatasetWriter.DyadColumns) + ",source", lines[0]);
        Assert.Contains("2,380,2019,1,0,0,1,0,pacta", lines);
        Assert.Contains("2,380,2018,0,0,0,1,0,atop", lines);
        Assert.All(lines[1..^1], l => Assert.Matches(int.Parse(l.Split(',')[2]) <= 2018 ? ",atop$" : ",(atop-reviewed|atop-unreviewed|pacta)$", l));
        // USA–Mexico share only the OAS Charter (reviewed here; Mexico left the Rio Treaty in 2004); USA–Canada NATO (unreviewed here).
        Assert.Contains("2,70,2018,1,0,0,1,1,atop", lines);
        Assert.Contains("2,70,2019,1,0,0,1,1,atop-reviewed", lines);
        Assert.Contains(lines, l => l.StartsWith("2,20,2019,1,", StringComparison.Ordinal) && l.EndsWith(",atop-unreviewed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",atop-reviewed", StringComparison.Ordinal) && l.Contains(",0,0,0,0,0,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",atop-reviewed", StringComparison.Ordinal) && !l.Contains(",0,0,0,0,0,", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_flag_the_columns_stay_ATOPs()
    {
        using var ms = new MemoryStream();
        CsvDatasetWriter.WriteDyadYears(ms, Table().DirectedRows());
        var text = Encoding.UTF8.GetString(ms.ToArray());
        Assert.DoesNotContain("pacta", text);
        Assert.DoesNotContain("reviewed", text);
        Assert.Contains("\n2,380,2019,1,0,0,", text);
    }

    [Fact]
    public async Task Parquet_has_a_string_source_column()
    {
        var rows = Table().DirectedRows().ToList();
        using var ms = new MemoryStream();
        await ParquetDatasetWriter.WriteDyadYearsAsync(ms, rows, origin: true);
        ms.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(ms);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal("source", fields[^1].Name);
        var values = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var buf = new string?[group.RowCount];
            await group.ReadAsync(fields[^1], buf.AsMemory());
            values.AddRange(buf.Select(v => v ?? ""));
        }
        Assert.Equal(rows.Select(r => DyadOrigins.Word(r.Origin)), values);
        Assert.Contains("pacta", values);
    }
}
