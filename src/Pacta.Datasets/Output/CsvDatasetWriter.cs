using System.Text;
using Pacta.Datasets.Added;

namespace Pacta.Datasets.Output;

/// <summary>
/// Byte-stable CSV: UTF-8 without BOM, LF line ends, no index column, rows in the order given (the generators
/// sort them). Numbers are formatted by hand into a large buffer because the all-pairs frame has millions of rows.
/// </summary>
public static class CsvDatasetWriter
{
    public static readonly string[] DyadColumns =
        ["ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];

    /// <summary>ATOP's atop5_1sy columns (codebook §2.5); the id list has at least 59 columns, as ATOP 5.1 publishes.</summary>
    public static IReadOnlyList<string> StateYearColumns(int idColumns) =>
        ["state", "year", "atopally", "defense", "offense", "neutral", "nonagg", "consul", "number", "transyr",
         .. Enumerable.Range(1, idColumns).Select(i => $"atopid{i}"), "version"];

    public const int MinimumIdColumns = 59;

    /// <summary>The provenance column that follows the ATOP columns when requested (values in <see cref="DyadOrigins"/>).</summary>
    public const string OriginColumn = "source";

    public static IReadOnlyList<string> DyadColumnsWith(bool origin) => origin ? [.. DyadColumns, OriginColumn] : DyadColumns;

    /// <summary>
    /// The dyad-years as CSV; <paramref name="added"/> appends its column families (prepared for the rows' years)
    /// after the ATOP and source columns, NA as an empty field.
    /// </summary>
    public static long WriteDyadYears(Stream stream, IEnumerable<DyadYear> rows, bool origin = false, AddedColumns? added = null)
    {
        IReadOnlyList<string> columns = [.. DyadColumnsWith(origin), .. added?.Columns ?? []];
        var header = Encoding.UTF8.GetBytes(string.Join(',', columns) + "\n");
        if (rows is DyadFrame frame)
        {
            stream.Write(header);
            var written = frame.WriteCsv(stream, origin, added);
            stream.Flush();
            return written;
        }
        using var w = new Utf8Sink(stream);
        w.Bytes(header);
        long n = 0;
        foreach (var r in rows)
        {
            w.Int(r.Ccode1); w.Byte((byte)',');
            w.Int(r.Ccode2); w.Byte((byte)',');
            w.Int(r.Year);
            w.Flags(r.Obligations, newline: !origin && added is null);
            if (origin)
            {
                w.Byte((byte)',');
                w.Bytes(DyadOrigins.WordUtf8(r.Origin));
                if (added is null) w.Byte((byte)'\n');
            }
            if (added is not null) w.Bytes(added.Tail(added.Code(r.Ccode1, r.Ccode2, r.Year)));
            n++;
        }
        return n;
    }

    public static long WriteDyadYears(string path, IEnumerable<DyadYear> rows, bool origin = false)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        return WriteDyadYears(f, rows, origin);
    }

    public static long WriteStateYears(Stream stream, IReadOnlyList<StateYear> rows, string version)
    {
        var ids = Math.Max(MinimumIdColumns, rows.Select(r => r.AllianceIds.Count).DefaultIfEmpty(0).Max());
        using var w = new Utf8Sink(stream);
        w.Text(string.Join(',', StateYearColumns(ids)));
        w.Byte((byte)'\n');
        foreach (var r in rows)
        {
            w.Int(r.State); w.Byte((byte)',');
            w.Int(r.Year); w.Text(",1");
            w.Flags(r.Obligations, newline: false);
            w.Byte((byte)','); w.Int(r.Number);
            w.Text(r.TransitionYear ? ",1" : ",0");
            for (var i = 0; i < ids; i++)
            {
                w.Byte((byte)',');
                if (i < r.AllianceIds.Count) w.Int(r.AllianceIds[i]);
            }
            w.Byte((byte)',');
            w.Text(version);
            w.Byte((byte)'\n');
        }
        return rows.Count;
    }

    public static long WriteStateYears(string path, IReadOnlyList<StateYear> rows, string version)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write);
        return WriteStateYears(f, rows, version);
    }
}
