using System.Text;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;
using Parquet;
using Parquet.Schema;

namespace Pacta.Datasets.Tests;

public class OutputTests
{
    private static readonly YearRange Range = new(1815, 1950);

    private static byte[] Csv(IEnumerable<DyadYear> rows)
    {
        using var ms = new MemoryStream();
        CsvDatasetWriter.WriteDyadYears(ms, rows);
        return ms.ToArray();
    }

    [Fact]
    public void Csv_is_byte_stable_sorted_LF_without_index()
    {
        var a = Csv(AtopDatasets.Directed(Paths.Atop, Range));
        var b = Csv(AtopDatasets.Directed(Paths.Atop, Range));
        Assert.Equal(a, b);
        Assert.DoesNotContain((byte)'\r', a);
        var lines = Encoding.UTF8.GetString(a).Split('\n');
        Assert.Equal("ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul", lines[0]);
        Assert.Equal("", lines[^1]);
        var keys = lines[1..^1].Select(l => l.Split(',').Take(3).Select(int.Parse).ToArray()).ToList();
        Assert.All(lines[1..^1], l => Assert.Equal(8, l.Split(',').Length));
        for (var i = 1; i < keys.Count; i++)
        {
            var (p, q) = (keys[i - 1], keys[i]);
            Assert.True((p[0], p[1], p[2]).CompareTo((q[0], q[1], q[2])) < 0, $"row {i + 1} out of order");
        }
    }

    [Fact]
    public void State_year_csv_has_ATOPs_columns()
    {
        using var ms = new MemoryStream();
        CsvDatasetWriter.WriteStateYears(ms, AtopDatasets.StateYears(Paths.Atop, new YearRange(1815, 1899)), "5.1");
        var produced = Encoding.UTF8.GetString(ms.ToArray());
        var published = File.ReadAllText(Path.Combine(Paths.Samples, "sy_1815_1899.csv")).Replace("\r\n", "\n");
        Assert.Equal(published, produced);
    }

    [Fact]
    public async Task Parquet_round_trip()
    {
        var rows = AtopDatasets.Directed(Paths.Atop, Range);
        using var ms = new MemoryStream();
        await ParquetDatasetWriter.WriteDyadYearsAsync(ms, rows);
        ms.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(ms);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(CsvDatasetWriter.DyadColumns, fields.Select(f => f.Name).ToArray());
        var cols = fields.Select(_ => new List<int>()).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            for (var c = 0; c < fields.Length; c++)
            {
                var buf = new int[group.RowCount];
                await group.ReadAsync<int>(fields[c], buf.AsMemory());
                cols[c].AddRange(buf);
            }
        }
        Assert.Equal(rows.Count, cols[0].Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            Assert.Equal(new[] { r.Ccode1, r.Ccode2, r.Year, r.Defense, r.Offense, r.Neutral, r.NonAgg, r.Consul }, cols.Select(c => c[i]).ToArray());
        }
    }

    [Fact]
    public async Task Parquet_state_years_round_trip()
    {
        var rows = AtopDatasets.StateYears(Paths.Atop, Range);
        using var ms = new MemoryStream();
        await ParquetDatasetWriter.WriteStateYearsAsync(ms, rows, "5.1");
        ms.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(ms);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal("state", fields[0].Name);
        Assert.Equal("version", fields[^1].Name);
        using var group = reader.OpenRowGroupReader(0);
        var id1 = new int?[group.RowCount];
        await group.ReadAsync<int>((DataField)fields.Single(f => f.Name == "atopid1"), id1.AsMemory());
        var id2 = new int?[group.RowCount];
        await group.ReadAsync<int>((DataField)fields.Single(f => f.Name == "atopid2"), id2.AsMemory());
        Assert.Equal(rows.Select(r => (int?)r.AllianceIds[0]), id1);
        Assert.Equal(rows.Select(r => r.AllianceIds.Count > 1 ? r.AllianceIds[1] : (int?)null), id2);
    }
}
