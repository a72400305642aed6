using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pacta.Authoring.Yaml;

/// <summary>Thrown for YAML that cannot be parsed at all; carries the position YamlDotNet reports.</summary>
public sealed class YamlSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser. Anchors and aliases are refused:
/// agreement files are meant to be read by people, and aliases hide what a clause says.
/// </summary>
public static class YamlTreeParser
{
    private const int MaxDepth = 64;

    public static YamlNode? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var e = parser.Current!;
                throw new YamlSyntaxException("only one YAML document per file is allowed", Line(e.Start), Col(e.Start));
            }
            return root;
        }
        catch (YamlException ex)
        {
            throw new YamlSyntaxException(Clean(ex.Message), Line(ex.Start), Col(ex.Start));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up this way on some truncated flow collections ("[a, b" at the end of a file);
            // the last event it produced is the best position we have.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlSyntaxException("a [list] or {mapping} that is not closed properly", Line(at), Col(at));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            // Other YamlDotNet failures (a tag that is not a valid URI, found by the fuzz suite) are still syntax
            // errors of the file: located at the last event read, never an exception that escapes.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlSyntaxException(Clean(e.Message.Split(" (Parameter", 2)[0]), Line(at), Col(at));
        }
    }

    private static int Line(Mark m) => (int)Math.Max(1, m.Line);
    private static int Col(Mark m) => (int)Math.Max(1, m.Column);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the position is reported separately.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (i >= 0 ? message[(i + 3)..] : message).Trim();
    }

    private static YamlNode ReadNode(IParser parser, int depth)
    {
        if (depth > MaxDepth)
        {
            var c = parser.Current!;
            throw new YamlSyntaxException($"nesting deeper than {MaxDepth} levels", Line(c.Start), Col(c.Start));
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            RefuseAnchor(scalar);
            return new YamlScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded,
                Line(scalar.Start), Col(scalar.Start));
        }
        if (parser.TryConsume<SequenceStart>(out var seq))
        {
            RefuseAnchor(seq);
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, depth + 1));
            return new YamlSequence(items, Line(seq.Start), Col(seq.Start));
        }
        if (parser.TryConsume<MappingStart>(out var map))
        {
            RefuseAnchor(map);
            var entries = new List<YamlEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, depth + 1);
                if (key is not YamlScalar k)
                    throw new YamlSyntaxException("a key must be a plain word", key.Line, key.Column);
                entries.Add(new YamlEntry(k, ReadNode(parser, depth + 1)));
            }
            return new YamlMapping(entries, Line(map.Start), Col(map.Start));
        }
        var cur = parser.Current!;
        if (cur is AnchorAlias alias)
            throw new YamlSyntaxException($"aliases (*{alias.Value}) are not allowed in Pacta files", Line(cur.Start), Col(cur.Start));
        throw new YamlSyntaxException($"unexpected {cur.GetType().Name}", Line(cur.Start), Col(cur.Start));
    }

    private static void RefuseAnchor(NodeEvent e)
    {
        if (!e.Anchor.IsEmpty)
            throw new YamlSyntaxException($"anchors (&{e.Anchor.Value}) are not allowed in Pacta files", Line(e.Start), Col(e.Start));
    }
}
