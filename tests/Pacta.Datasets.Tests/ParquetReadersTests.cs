using System.Globalization;
using System.Text;
using Apache.Arrow.Types;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Datasets.Output;
using ParquetSharp;
using Encoding = System.Text.Encoding;

namespace Pacta.Datasets.Tests;

/// <summary>
/// Pacta's Parquet files read by Apache Arrow's C++ Parquet reader (through ParquetSharp), the reader inside R's arrow
/// and pandas/pyarrow, rather than by Parquet.Net that wrote them: the types those readers see, and every value
/// compared with the CSV written from the same rows.
/// </summary>
public sealed class ParquetReadersTests : IDisposable
{
    private enum Kind { Int, NullableInt, Text }

    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<(string, Kind)> DyadColumns(bool source) =>
        [.. CsvDatasetWriter.DyadColumns.Select(n => (n, Kind.Int)), .. source ? new[] { (CsvDatasetWriter.OriginColumn, Kind.Text) } : []];

    /// <summary>Writes as the CLI does, to a file that is closed before the reader opens it.</summary>
    private static async Task<long> WriteFile(string path, Func<Stream, Task<long>> write)
    {
        await using var f = File.Create(path);
        return await write(f);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Directed_ATOP_dyad_years_1815_1899_read_by_Arrow_equal_the_CSV(bool source)
    {
        var rows = AtopDatasets.Directed(Paths.Atop, new YearRange(1815, 1899));
        var path = Path.Combine(_dir, "ddyr.parquet");
        Assert.Equal(rows.Count, await WriteFile(path, s => ParquetDatasetWriter.WriteDyadYearsAsync(s, rows, source)));
        using var csv = new MemoryStream();
        CsvDatasetWriter.WriteDyadYears(csv, rows, source);

        var groups = AssertArrowReadsTheCsv(path, Encoding.UTF8.GetString(csv.ToArray()), DyadColumns(source), rows.Count);
        Assert.Equal(1, groups);
    }

    [Fact]
    public async Task All_pairs_1990_2025_with_the_source_column_read_by_Arrow_equal_the_CSV()
    {
        var years = new YearRange(1990, 2025);
        // An invented post-2018 alliance (Switzerland–Japan, defense) so that the file holds `pacta` rows.
        var own = new AllianceInput(900_001,
        [
            new AllianceMemberSpell(225, 1, new DateOnly(2019, 1, 1), null, AllianceObligations.Defense),
            new AllianceMemberSpell(740, 1, new DateOnly(2019, 1, 1), null, AllianceObligations.Defense),
        ]);
        var table = new ContinuousAlliances(AtopToAlliances.Convert(Paths.Atop), [own], Paths.Atop.CoverageEnd).Table(years);
        var frame = DyadYears.AddAtop(AllPairs.Directed(Paths.CowStatesOpen(), years), table, directed: true);
        var path = Path.Combine(_dir, "all-pairs.parquet");
        var written = await WriteFile(path, s => ParquetDatasetWriter.WriteDyadYearsAsync(s, frame, origin: true));
        // The CSV comes from the fused all-pairs writer, the Parquet from row enumeration: two paths, one table.
        using var csv = new MemoryStream();
        Assert.Equal(written, CsvDatasetWriter.WriteDyadYears(csv, frame, origin: true));
        var text = Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains("\n225,740,2019,1,0,0,0,0,pacta\n", text);

        var groups = AssertArrowReadsTheCsv(path, text, DyadColumns(true), written);
        // Over a million rows: the writer's row groups are read back in order, not only the first one.
        Assert.True(groups > 1, $"{written} rows in {groups} row group(s)");
    }

    [Fact]
    public async Task State_years_1815_1899_read_by_Arrow_equal_the_CSV()
    {
        var rows = AtopDatasets.StateYears(Paths.Atop, new YearRange(1815, 1899));
        var path = Path.Combine(_dir, "sy.parquet");
        Assert.Equal(rows.Count, await WriteFile(path, s => ParquetDatasetWriter.WriteStateYearsAsync(s, rows, "5.1")));
        using var csv = new MemoryStream();
        CsvDatasetWriter.WriteStateYears(csv, rows, "5.1");
        var text = Encoding.UTF8.GetString(csv.ToArray());

        var names = text[..text.IndexOf('\n')].Split(',');
        // ATOP's ten integer columns, the alliance id list (empty slots are nulls), the release as text.
        var columns = names.Select((n, i) => (n, i < 10 ? Kind.Int : i < names.Length - 1 ? Kind.NullableInt : Kind.Text)).ToList();
        Assert.Equal("atopid1", columns[10].n);
        Assert.Equal("version", columns[^1].n);
        AssertArrowReadsTheCsv(path, text, columns, rows.Count);
    }

    /// <summary>
    /// Checks the Parquet schema and the Arrow schema the C++ reader derives from it (what R's arrow and pyarrow
    /// hand to their users), then reads every row group and compares each row, formatted as CSV, with the CSV's
    /// line. Returns the number of row groups.
    /// </summary>
    private static int AssertArrowReadsTheCsv(string path, string csv, IReadOnlyList<(string Name, Kind Kind)> columns, long rowCount)
    {
        using (var arrow = new ParquetSharp.Arrow.FileReader(path))
        {
            var fields = arrow.Schema.FieldsList;
            Assert.Equal(columns.Select(c => c.Name), fields.Select(f => f.Name));
            for (var c = 0; c < columns.Count; c++)
            {
                var (name, kind) = columns[c];
                var field = fields[c];
                if (kind == Kind.Text)
                {
                    Assert.IsType<StringType>(field.DataType);
                    continue;
                }
                Assert.IsType<Int32Type>(field.DataType);
                // Non-nullable ints stay integers in pandas; a nullable column with a null would become float64.
                Assert.True(field.IsNullable == (kind == Kind.NullableInt), $"{name}: nullable {field.IsNullable}");
            }
        }

        using var reader = new ParquetFileReader(path);
        var meta = reader.FileMetaData;
        Assert.Equal(rowCount, meta.NumRows);
        Assert.Equal(columns.Count, meta.NumColumns);
        for (var c = 0; c < columns.Count; c++)
        {
            var (name, kind) = columns[c];
            var d = meta.Schema.Column(c);
            Assert.Equal(name, d.Name);
            if (kind == Kind.Text)
            {
                Assert.Equal(PhysicalType.ByteArray, d.PhysicalType);
                Assert.IsType<StringLogicalType>(d.LogicalType);
                continue;
            }
            Assert.Equal(PhysicalType.Int32, d.PhysicalType);
            var logical = Assert.IsType<IntLogicalType>(d.LogicalType);
            Assert.Equal((32, true), (logical.BitWidth, logical.IsSigned));
            Assert.Equal(kind == Kind.NullableInt ? 1 : 0, d.MaxDefinitionLevel);
        }

        using var lines = new StringReader(csv);
        Assert.Equal(string.Join(',', columns.Select(c => c.Name)), lines.ReadLine());
        long row = 0;
        var line = new StringBuilder();
        for (var g = 0; g < meta.NumRowGroups; g++)
        {
            using var group = reader.RowGroup(g);
            var n = checked((int)group.MetaData.NumRows);
            var cells = columns.Select((col, c) => ReadColumn(group, c, col.Kind, n)).ToArray();
            for (var i = 0; i < n; i++, row++)
            {
                line.Clear();
                for (var c = 0; c < cells.Length; c++) line.Append(c == 0 ? "" : ",").Append(cells[c](i));
                var expected = lines.ReadLine();
                // One assertion per mismatch only: a million passing Assert.Equal calls would dominate the run time.
                if (expected != line.ToString()) Assert.Fail($"row {row + 1}: CSV '{expected}', Parquet '{line}'");
            }
        }
        Assert.Equal(rowCount, row);
        Assert.Null(lines.ReadLine());
        return meta.NumRowGroups;
    }

    /// <summary>One column of a row group, read with the .NET type its Parquet type maps to, as CSV cells.</summary>
    private static Func<int, string> ReadColumn(RowGroupReader group, int c, Kind kind, int rows)
    {
        using var column = group.Column(c);
        switch (kind)
        {
            case Kind.Int:
                {
                    using var r = column.LogicalReader<int>();
                    var v = r.ReadAll(rows);
                    return i => v[i].ToString(CultureInfo.InvariantCulture);
                }
            case Kind.NullableInt:
                {
                    using var r = column.LogicalReader<int?>();
                    var v = r.ReadAll(rows);
                    return i => v[i]?.ToString(CultureInfo.InvariantCulture) ?? "";
                }
            default:
                {
                    using var r = column.LogicalReader<string?>();
                    var v = r.ReadAll(rows);
                    // Null strings would be NA in R and None in pandas; the CSV has no way to say so, so none may occur.
                    return i => v[i] ?? throw new InvalidOperationException($"column {c}, row {i}: null string");
                }
        }
    }
}
