using System.Collections.Concurrent;

namespace Pacta.Authoring.Reading;

/// <summary>
/// The key tables the readers have checked mappings against in this process, by the name the reader gives the
/// mapping in its messages ("agreement", "provision", "source" …): the required keys and the optional ones. Every
/// <see cref="MapReader"/> registers its table, so this is the reader's own word on the format, which the JSON
/// Schemas in schema/ are tested against (JsonSchemaKeyTests).
/// </summary>
public static class ReaderKeys
{
    private static readonly ConcurrentDictionary<string, (IReadOnlyList<string> Required, IReadOnlyList<string> Optional)> Tables = new(StringComparer.Ordinal);
    private static readonly ConcurrentBag<string> Conflicting = [];

    public static IReadOnlyDictionary<string, (IReadOnlyList<string> Required, IReadOnlyList<string> Optional)> Seen => Tables;

    /// <summary>Names used with two different tables (a mapping kind must mean one set of keys).</summary>
    public static IReadOnlyCollection<string> Inconsistent => Conflicting;

    internal static void Note(string what, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        var known = Tables.GetOrAdd(what, _ => ([.. required], [.. optional]));
        // Cheap on the parse path: the same call site passes the same keys in the same order.
        if (!known.Required.SequenceEqual(required) || !known.Optional.SequenceEqual(optional)) Conflicting.Add(what);
    }
}
