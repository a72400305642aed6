using System.Text;

namespace Pacta.Datasets.Atop;

/// <summary>A CSV file read whole: header names and rows of fields, each row with its line number.</summary>
internal sealed class CsvTable
{
    public required string File { get; init; }
    public required string[] Header { get; init; }
    public required List<(int Line, string[] Fields)> Rows { get; init; }

    /// <summary>Reads RFC 4180 CSV (quotes optional, CRLF or LF, optional BOM). Blank lines are skipped.</summary>
    public static CsvTable Read(string path)
    {
        var text = System.IO.File.ReadAllText(path, Encoding.UTF8);
        var rows = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        void EndRow()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (!(fields.Count == 1 && fields[0].Length == 0)) rows.Add((rowLine, fields.ToArray()));
            fields.Clear();
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': EndRow(); line++; rowLine = line; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0) EndRow();
        var header = rows.Count > 0 ? rows[0].Item2.Select(h => h.Trim()).ToArray() : [];
        return new CsvTable { File = path, Header = header, Rows = rows.Skip(1).ToList() };
    }
}
