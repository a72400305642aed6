using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;

namespace Pacta.Authoring.Files;

/// <summary>
/// Refuses control characters in keys and values (raw or written as YAML escapes such as "\e"): they would
/// reach the terminal through <c>show</c> and <c>list</c> (ESC sequences) or hide text (bidirectional overrides).
/// Tab and line breaks are allowed.
/// </summary>
public static class ControlCharacters
{
    /// <summary>True when the character may not appear in a Pacta string.</summary>
    public static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Adds one diagnostic per scalar holding a refused character; true when any was found.</summary>
    public static bool Find(YamlNode root, string shown, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalar s:
                    Check(s, shown, diagnostics);
                    break;
                case YamlSequence seq:
                    for (var i = seq.Items.Count - 1; i >= 0; i--) stack.Push(seq.Items[i]);
                    break;
                case YamlMapping map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(map.Entries[i].Value);
                        stack.Push(map.Entries[i].Key);
                    }
                    break;
            }
        }
        return diagnostics.Count > before;
    }

    private static void Check(YamlScalar s, string shown, List<Diagnostic> diagnostics)
    {
        foreach (var c in s.Value)
        {
            if (!IsRefused(c)) continue;
            diagnostics.Add(new Diagnostic(shown, s.Line, s.Column, ErrorCodes.ControlCharacter,
                $"the text holds the control character U+{(int)c:X4}; write it out in words or remove it"));
            return;
        }
    }
}
