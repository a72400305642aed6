namespace Pacta.Domain;

/// <summary>"Did you mean" support: Levenshtein distance and the nearest candidate.</summary>
public static class Suggest
{
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>The closest candidate within a small distance, or null.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, word.Length / 3);
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestD = int.MaxValue;
        foreach (var c in candidates)
        {
            // The distance is at least the difference in length: such a candidate could never be suggested, and a
            // file with 100,000 unknown keys should not cost 100,000 full comparisons with every key.
            if (Math.Abs(c.Length - lower.Length) > limit) continue;
            var d = Distance(lower, c.ToLowerInvariant());
            if (d < bestD) (best, bestD) = (c, d);
        }
        return best is not null && bestD <= limit ? best : null;
    }

    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } n ? $"; did you mean '{n}'?" : "";
}
