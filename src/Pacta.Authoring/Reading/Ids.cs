using System.Text.RegularExpressions;

namespace Pacta.Authoring.Reading;

/// <summary>The one id rule of the files: lower-case words of letters and digits joined by '-'.</summary>
internal static partial class Ids
{
    public static bool IsId(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
