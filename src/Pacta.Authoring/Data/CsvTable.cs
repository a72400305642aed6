using System.Text;

namespace Pacta.Authoring.Data;

/// <summary>One CSV field with the line and column (both 1-based) where it starts.</summary>
internal readonly record struct CsvField(string Text, int Line, int Column);

/// <summary>One CSV record (a data row), addressed by column name.</summary>
internal sealed class CsvRow(CsvTable table, IReadOnlyList<CsvField> fields)
{
    public IReadOnlyList<CsvField> Fields { get; } = fields;
    public int Line => Fields[0].Line;

    public CsvField Field(string column) => Fields[table.IndexOf(column)];

    public string this[string column] => Field(column).Text;

    public DataFileException Error(string column, string detail)
    {
        var f = Field(column);
        return new DataFileException(table.File, f.Line, f.Column, detail);
    }
}

/// <summary>
/// A small RFC 4180 reader (comma separator, double-quoted fields with <c>""</c> escapes, LF or CRLF)
/// that keeps the position of every field, so that errors in user-supplied data files can point at the
/// exact place. The header row must name exactly the expected columns, in order.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;

    private CsvTable(string file, IReadOnlyList<string> columns, List<CsvRow> rows, Dictionary<string, int> index)
    {
        File = file;
        Columns = columns;
        Rows = rows;
        _index = index;
    }

    public string File { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    public int IndexOf(string column) => _index[column];

    public static CsvTable Read(TextReader reader, string file, IReadOnlyList<string> expectedColumns)
    {
        var records = Parse(reader.ReadToEnd(), file);
        if (records.Count == 0) throw new DataFileException(file, 1, 1, $"the file is empty; expected the header '{string.Join(',', expectedColumns)}'");
        var header = records[0];
        for (var i = 0; i < Math.Max(header.Count, expectedColumns.Count); i++)
        {
            if (i >= header.Count)
            {
                var last = header[^1];
                throw new DataFileException(file, last.Line, last.Column + last.Text.Length, $"missing column '{expectedColumns[i]}'; expected the header '{string.Join(',', expectedColumns)}'");
            }
            if (i >= expectedColumns.Count)
                throw new DataFileException(file, header[i].Line, header[i].Column, $"unexpected column '{header[i].Text}'; expected the header '{string.Join(',', expectedColumns)}'");
            if (!string.Equals(header[i].Text.Trim(), expectedColumns[i], StringComparison.Ordinal))
                throw new DataFileException(file, header[i].Line, header[i].Column, $"column {i + 1} is '{header[i].Text}', expected '{expectedColumns[i]}'");
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < expectedColumns.Count; i++) index[expectedColumns[i]] = i;
        var rows = new List<CsvRow>();
        var table = new CsvTable(file, expectedColumns, rows, index);
        foreach (var record in records.Skip(1))
        {
            if (record.Count != expectedColumns.Count)
            {
                var at = record.Count > expectedColumns.Count ? record[expectedColumns.Count] : record[^1];
                throw new DataFileException(file, at.Line, at.Column, $"expected {expectedColumns.Count} fields, found {record.Count}");
            }
            rows.Add(new CsvRow(table, record));
        }
        return table;
    }

    private static List<List<CsvField>> Parse(string text, string file)
    {
        var records = new List<List<CsvField>>();
        var record = new List<CsvField>();
        var sb = new StringBuilder();
        int line = 1, col = 1, i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        while (i <= text.Length)
        {
            // Start of a field.
            int fLine = line, fCol = col;
            sb.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++; col++;
                while (true)
                {
                    if (i >= text.Length) throw new DataFileException(file, fLine, fCol, "a quoted field is not closed");
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; col += 2; continue; }
                        i++; col++;
                        break;
                    }
                    if (c == '\n') { line++; col = 1; } else col++;
                    sb.Append(c);
                    i++;
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    throw new DataFileException(file, line, col, "unexpected character after a closing quote");
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                {
                    if (text[i] == '"') throw new DataFileException(file, line, col, "a quote inside an unquoted field");
                    sb.Append(text[i]); i++; col++;
                }
            }
            record.Add(new CsvField(sb.ToString(), fLine, fCol));
            if (i < text.Length && text[i] == ',') { i++; col++; continue; }
            // End of record (or of text).
            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            var blank = record.Count == 1 && record[0].Text.Length == 0;
            if (!blank) records.Add(record);
            record = [];
            line++; col = 1;
            if (i >= text.Length) break;
        }
        return records;
    }
}
