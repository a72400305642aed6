using System.Text;
using Pacta.Authoring.Files;
using Spectre.Console;

namespace Pacta.Cli.Rendering;

/// <summary>
/// Human output: Spectre.Console tables and colour when standard output is a terminal, plain aligned text
/// when it is piped or redirected (so output can be grepped and diffed).
/// </summary>
public static class Output
{
    public static bool Plain =>
        Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } || Environment.GetEnvironmentVariable("TERM") == "dumb";

    public static void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        var list = rows.Select(r => (IReadOnlyList<string>)r.Select(Safe).ToList()).ToList();
        title = title is null ? null : Safe(title);
        if (Plain)
        {
            if (title is not null) Console.WriteLine(title);
            Console.Write(PlainTable(headers, list));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null) table.Title($"[bold]{Markup.Escape(title)}[/]");
        foreach (var h in headers) table.AddColumn(new TableColumn($"[bold]{Markup.Escape(h)}[/]"));
        foreach (var r in list) table.AddRow(r.Select(c => new Markup(Markup.Escape(c))).ToArray());
        AnsiConsole.Write(table);
    }

    public static string PlainTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var c = i < cells.Count ? cells[i] : "";
                sb.Append(i == headers.Count - 1 ? c : c.PadRight(widths[i] + 2));
            }
            sb.Append('\n');
        }
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToList());
        foreach (var r in rows) Line(r);
        return sb.ToString();
    }

    public static void Heading(string text)
    {
        text = Safe(text);
        if (Plain) { Console.WriteLine(text); Console.WriteLine(new string('=', Math.Min(text.Length, 100))); }
        else AnsiConsole.MarkupLine($"[bold underline]{Markup.Escape(text)}[/]");
    }

    public static void SubHeading(string text)
    {
        text = Safe(text);
        if (Plain) { Console.WriteLine(); Console.WriteLine(text); Console.WriteLine(new string('-', Math.Min(text.Length, 100))); }
        else { AnsiConsole.WriteLine(); AnsiConsole.MarkupLine($"[bold yellow]{Markup.Escape(text)}[/]"); }
    }

    public static void Line(string text = "") => Console.WriteLine(Safe(text));

    /// <summary>A label/value line ("Bindingness: legal").</summary>
    public static void Field(string label, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        value = Safe(value);
        if (Plain) Console.WriteLine($"  {label}: {value}");
        else AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(label)}:[/] {Markup.Escape(value)}");
    }

    public static void Print(string markupOrPlain)
    {
        markupOrPlain = Safe(markupOrPlain);
        if (Plain) Console.WriteLine(markupOrPlain);
        else AnsiConsole.MarkupLine(markupOrPlain);
    }

    public static void Error(string message) => Console.Error.WriteLine($"pacta: error: {Safe(message)}");

    /// <summary>
    /// Text with its control characters (ESC, …) and bidirectional overrides written as visible escapes (\u001B), so
    /// data from a file or an import can never drive the terminal.
    /// </summary>
    public static string Safe(string text)
    {
        var i = 0;
        while (i < text.Length && !ControlCharacters.IsRefused(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (ControlCharacters.IsRefused(c)) sb.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
