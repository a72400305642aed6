using System.Text;

namespace Pacta.Cli.Rendering;

/// <summary>
/// A plain-text table whose long cells wrap at word boundaries inside a fixed column width, so a comparison of
/// several agreements stays a table (one column per agreement) when piped, instead of running off to the right.
/// </summary>
public static class WrappedTable
{
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int maxColumnWidth)
    {
        var widths = headers.Select((h, i) => Math.Min(maxColumnWidth,
            Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => i < r.Count ? Longest(r[i], maxColumnWidth) : 0)))).ToArray();
        var sb = new StringBuilder();
        void Row(IReadOnlyList<string> cells)
        {
            var wrapped = headers.Select((_, i) => Wrap(i < cells.Count ? cells[i] : "", widths[i])).ToList();
            var lines = wrapped.Max(w => w.Count);
            for (var l = 0; l < lines; l++)
            {
                var line = new StringBuilder();
                for (var i = 0; i < headers.Count; i++)
                {
                    var text = l < wrapped[i].Count ? wrapped[i][l] : "";
                    line.Append(i == headers.Count - 1 ? text : text.PadRight(widths[i] + 2));
                }
                sb.Append(line.ToString().TrimEnd()).Append('\n');
            }
        }
        Row(headers);
        Row(widths.Select(w => new string('-', w)).ToList());
        foreach (var r in rows) Row(r);
        return sb.ToString();
    }

    private static int Longest(string cell, int max) => Wrap(cell, max).Max(l => l.Length);

    /// <summary>Lines of at most <paramref name="width"/> characters, broken at spaces; a longer word is cut.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word;
            while (w.Length > width)
            {
                if (current.Length > 0) { lines.Add(current.ToString()); current.Clear(); }
                lines.Add(w[..width]);
                w = w[width..];
            }
            if (current.Length > 0 && current.Length + 1 + w.Length > width) { lines.Add(current.ToString()); current.Clear(); }
            if (current.Length > 0) current.Append(' ');
            current.Append(w);
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString());
        return lines;
    }
}
