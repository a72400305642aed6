using System.Runtime.CompilerServices;
using System.Text;

namespace Pacta.Datasets.Atop;

/// <summary>One CSV row: its line number and where each field lies in <see cref="Text"/> (no per-field strings).</summary>
internal sealed class CsvRow(int line, string text, int[] bounds)
{
    public int Line { get; } = line;
    public string Text { get; } = text;
    public int Count => bounds.Length / 2;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Field(int i) => i < Count ? Text.AsSpan(bounds[2 * i], bounds[2 * i + 1]) : [];
}

/// <summary>A CSV file read whole: header names and rows of fields.</summary>
internal sealed class CsvTable
{
    public required string File { get; init; }
    public required string[] Header { get; init; }
    public required List<CsvRow> Rows { get; init; }

    /// <summary>Reads RFC 4180 CSV (quotes optional, CRLF or LF, optional BOM). Blank lines are skipped.</summary>
    public static CsvTable Read(string path)
    {
        var text = System.IO.File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = text.Contains('"') ? ReadQuoted(text) : ReadPlain(text);
        var header = rows.Count > 0 ? Enumerable.Range(0, rows[0].Count).Select(i => rows[0].Field(i).Trim().ToString()).ToArray() : [];
        return new CsvTable { File = path, Header = header, Rows = rows.Skip(1).ToList() };
    }

    /// <summary>The common case (ATOP's own files): no quotes, so fields are the spans between commas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<CsvRow> ReadPlain(string text)
    {
        var rows = new List<CsvRow>();
        var bounds = new List<int>(256);
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (stop > start)
            {
                bounds.Clear();
                var f = start;
                for (var i = start; i <= stop; i++)
                {
                    if (i < stop && text[i] != ',') continue;
                    bounds.Add(f - start);
                    bounds.Add(i - f);
                    f = i + 1;
                }
                rows.Add(new CsvRow(line, text.Substring(start, stop - start), bounds.ToArray()));
            }
            line++;
            start = end + 1;
        }
        return rows;
    }

    /// <summary>Quoted fields: unescaped values are laid end to end in the row text.</summary>
    private static List<CsvRow> ReadQuoted(string text)
    {
        var rows = new List<CsvRow>();
        var sb = new StringBuilder();
        var bounds = new List<int>();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var fieldStart = 0;
        void EndField()
        {
            bounds.Add(fieldStart);
            bounds.Add(sb.Length - fieldStart);
            fieldStart = sb.Length;
        }
        void EndRow()
        {
            EndField();
            if (!(bounds.Count == 2 && bounds[1] == 0)) rows.Add(new CsvRow(rowLine, sb.ToString(), bounds.ToArray()));
            sb.Clear();
            bounds.Clear();
            fieldStart = 0;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; sb.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': EndField(); break;
                case '\r': break;
                case '\n': EndRow(); line++; rowLine = line; break;
                default: sb.Append(c); break;
            }
        }
        if (sb.Length > 0 || bounds.Count > 0) EndRow();
        return rows;
    }
}
