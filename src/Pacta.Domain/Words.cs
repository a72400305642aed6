using System.Text;

namespace Pacta.Domain;

/// <summary>
/// The kebab-case words that name enum values everywhere outside C# (file format, CLI, JSON, UI):
/// <c>NonAggression</c> ↔ <c>non-aggression</c>.
/// </summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum => ToKebab(value.ToString());

    public static string ToKebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(Of(v), word, StringComparison.Ordinal)) { value = v; return true; }
        }
        value = default;
        return false;
    }

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);
}
