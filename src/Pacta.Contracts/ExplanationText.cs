using System.Text;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>
/// The readable form of an explanation tree: one check per line, indented by depth, marked
/// <c>[met]</c>, <c>[not met]</c> or <c>[unknown]</c>, with its source as <c>file:line</c>.
/// </summary>
public static class ExplanationText
{
    public static string Render(Explanation e)
    {
        var sb = new StringBuilder();
        Write(sb, e, "", true, root: true);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Explanation e, string indent, bool last, bool root)
    {
        var mark = e.Result switch { CheckResult.Met => "[met]", CheckResult.NotMet => "[not met]", _ => "[unknown]" };
        var src = e.Source is { } s && s.File.Length > 0 ? $"  ({s.File}:{s.Line})" : "";
        sb.Append(indent).Append(root ? "" : last ? "└─ " : "├─ ").Append(mark).Append(' ').Append(e.Check).Append(src).Append('\n');
        var childIndent = root ? "" : indent + (last ? "   " : "│  ");
        for (var i = 0; i < e.Children.Count; i++) Write(sb, e.Children[i], childIndent, i == e.Children.Count - 1, root: false);
    }
}
