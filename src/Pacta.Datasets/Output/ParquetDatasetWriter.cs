using Pacta.Datasets.Added;
using Parquet;
using Parquet.Schema;

namespace Pacta.Datasets.Output;

/// <summary>
/// Parquet with plain INT32 columns (nullable only for the state-year id list), which R's arrow and pandas read
/// as integers; rows go in groups of a million so memory stays bounded for the all-pairs frame.
/// </summary>
public static class ParquetDatasetWriter
{
    private const int RowGroupSize = 1 << 20;

    public static Task<long> WriteDyadYearsAsync(Stream stream, IEnumerable<DyadYear> rows, CancellationToken ct = default) =>
        WriteDyadYearsAsync(stream, rows, false, ct);

    /// <summary>The dyad-year columns, plus a string column <c>source</c> (atop/pacta) when <paramref name="origin"/> is set.</summary>
    public static Task<long> WriteDyadYearsAsync(Stream stream, IEnumerable<DyadYear> rows, bool origin, CancellationToken ct = default) =>
        WriteDyadYearsAsync(stream, rows, origin, null, ct);

    /// <summary>As above, with the column families of <paramref name="added"/> after them as nullable INT32 (null = NA).</summary>
    public static async Task<long> WriteDyadYearsAsync(Stream stream, IEnumerable<DyadYear> rows, bool origin, AddedColumns? added, CancellationToken ct = default)
    {
        var fields = CsvDatasetWriter.DyadColumns.Select(c => new DataField<int>(c)).ToArray();
        var sourceField = new DataField<string>(CsvDatasetWriter.OriginColumn);
        var addedFields = (added?.Columns ?? []).Select(c => new DataField<int?>(c)).ToArray();
        var schema = new ParquetSchema([.. fields, .. origin ? new[] { sourceField } : [], .. addedFields]);
        var addedCols = addedFields.Select(_ => new int?[RowGroupSize]).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct);
        var cols = fields.Select(_ => new int[RowGroupSize]).ToArray();
        var sources = origin ? new string[RowGroupSize] : [];
        long total = 0;
        var n = 0;
        async Task Flush()
        {
            if (n == 0) return;
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++) await group.WriteAsync<int>(fields[c], cols[c].AsMemory(0, n), cancellationToken: ct);
            if (origin) await group.WriteAsync(sourceField, new ArraySegment<string>(sources, 0, n));
            for (var c = 0; c < addedFields.Length; c++) await group.WriteAsync<int>(addedFields[c], addedCols[c].AsMemory(0, n), cancellationToken: ct);
            total += n;
            n = 0;
        }
        foreach (var r in rows)
        {
            cols[0][n] = r.Ccode1; cols[1][n] = r.Ccode2; cols[2][n] = r.Year;
            cols[3][n] = r.Defense; cols[4][n] = r.Offense; cols[5][n] = r.Neutral; cols[6][n] = r.NonAgg; cols[7][n] = r.Consul;
            if (origin) sources[n] = DyadOrigins.Word(r.Origin);
            if (added is not null)
            {
                var code = added.Code(r.Ccode1, r.Ccode2, r.Year);
                for (var c = 0; c < addedCols.Length; c++) addedCols[c][n] = added.Value(code, c);
            }
            if (++n == RowGroupSize) await Flush();
        }
        await Flush();
        if (total == 0)
        {
            using var group = writer.CreateRowGroup();
            foreach (var f in fields) await group.WriteAsync<int>(f, Array.Empty<int>(), cancellationToken: ct);
            if (origin) await group.WriteAsync(sourceField, Array.Empty<string>());
            foreach (var f in addedFields) await group.WriteAsync<int>(f, Array.Empty<int?>(), cancellationToken: ct);
        }
        return total;
    }

    public static async Task<long> WriteDyadYearsAsync(string path, IEnumerable<DyadYear> rows, CancellationToken ct = default)
    {
        await using var f = File.Create(path);
        return await WriteDyadYearsAsync(f, rows, false, ct);
    }

    /// <summary>The state-year table with ATOP's columns; empty alliance slots are nulls; version is a string column.</summary>
    public static async Task<long> WriteStateYearsAsync(Stream stream, IReadOnlyList<StateYear> rows, string version, CancellationToken ct = default)
    {
        var names = CsvDatasetWriter.StateYearColumns(Math.Max(CsvDatasetWriter.MinimumIdColumns, rows.Select(r => r.AllianceIds.Count).DefaultIfEmpty(0).Max()));
        var ints = names.Take(10).Select(n => new DataField<int>(n)).ToArray();
        var ids = names.Skip(10).Take(names.Count - 11).Select(n => new DataField<int?>(n)).ToArray();
        var ver = new DataField<string>("version");
        var schema = new ParquetSchema([.. ints, .. ids, ver]);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct);
        using var group = writer.CreateRowGroup();
        Func<StateYear, int>[] get =
        [
            r => r.State, r => r.Year, _ => 1, r => r.Obligations.Bit(AllianceObligations.Defense),
            r => r.Obligations.Bit(AllianceObligations.Offense), r => r.Obligations.Bit(AllianceObligations.Neutrality),
            r => r.Obligations.Bit(AllianceObligations.NonAggression), r => r.Obligations.Bit(AllianceObligations.Consultation),
            r => r.Number, r => r.TransitionYear ? 1 : 0,
        ];
        for (var c = 0; c < ints.Length; c++) await group.WriteAsync<int>(ints[c], rows.Select(get[c]).ToArray(), cancellationToken: ct);
        for (var c = 0; c < ids.Length; c++)
        {
            var i = c;
            await group.WriteAsync<int>(ids[c], rows.Select(r => i < r.AllianceIds.Count ? r.AllianceIds[i] : (int?)null).ToArray(), cancellationToken: ct);
        }
        await group.WriteAsync(ver, rows.Select(_ => version).ToArray());
        return rows.Count;
    }

    public static async Task<long> WriteStateYearsAsync(string path, IReadOnlyList<StateYear> rows, string version, CancellationToken ct = default)
    {
        await using var f = File.Create(path);
        return await WriteStateYearsAsync(f, rows, version, ct);
    }
}
