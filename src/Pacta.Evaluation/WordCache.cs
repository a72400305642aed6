using System.Collections.Frozen;
using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// <see cref="Words.Of{T}"/> looked up instead of rebuilt: explanations and JSON name an enum value for almost
/// every item, and rebuilding the word allocates each time.
/// </summary>
public static class WordCache
{
    public static string Of<T>(T value) where T : struct, Enum =>
        Table<T>.Words.TryGetValue(value, out var w) ? w : Words.Of(value);

    private static class Table<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Words =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => Domain.Words.Of(v));
    }
}
