using System.Text.RegularExpressions;

namespace Pacta.Evaluation;

/// <summary>
/// What is known of an event's character, for clauses with a threshold ("significant, deliberate and sustained"):
/// attribute name → true or false. An attribute not set is unknown, and a check that reads it decides unknown.
/// Immutable, compared by value; names are lower-case words joined by hyphens.
/// </summary>
public sealed partial class EventAttributes : IEquatable<EventAttributes>
{
    public static readonly EventAttributes None = new([]);

    private readonly KeyValuePair<string, bool>[] _items; // sorted by name, one per name

    private EventAttributes(KeyValuePair<string, bool>[] items) => _items = items;

    /// <summary>The attributes set, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, bool>> Known => _items;

    public int Count => _items.Length;

    /// <summary>True or false when stated; null (unknown) otherwise.</summary>
    public bool? this[string name]
    {
        get
        {
            foreach (var (k, v) in _items) if (k == name) return v;
            return null;
        }
    }

    /// <summary>These attributes with <paramref name="name"/> set to <paramref name="value"/> (null: unknown again).</summary>
    public EventAttributes With(string name, bool? value)
    {
        if (!IsName(name)) throw new ArgumentException($"'{name}' is not an attribute name (lower-case words joined by hyphens)", nameof(name));
        var items = _items.Where(i => i.Key != name).ToList();
        if (value is { } v) items.Add(new(name, v));
        items.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        return items.Count == 0 ? None : new EventAttributes([.. items]);
    }

    /// <summary>Whether <paramref name="name"/> is an attribute name: lower-case words joined by hyphens ("deliberate", "large-scale").</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>
    /// Reads <c>NAME=yes|no</c> (also true/false; <c>unknown</c> leaves it unset). Null with <paramref name="error"/>
    /// set when the text is not of that form.
    /// </summary>
    public static (string Name, bool? Value)? Parse(string text, out string? error)
    {
        error = null;
        var eq = text.IndexOf('=');
        var name = eq < 0 ? text : text[..eq];
        if (eq < 0 || !IsName(name))
        {
            error = $"'{text}' must be NAME=yes|no|unknown with NAME lower-case words joined by hyphens (e.g. sustained=yes)";
            return null;
        }
        bool? value = text[(eq + 1)..] switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            "unknown" => null,
            var v => Bad(v, out error),
        };
        return error is null ? (name, value) : null;

        static bool? Bad(string v, out string? error)
        {
            error = $"'{v}' must be yes, no or unknown";
            return null;
        }
    }

    public bool Equals(EventAttributes? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as EventAttributes);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var i in _items) h.Add(i);
        return h.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _items.Select(i => $"{i.Key}={(i.Value ? "yes" : "no")}"));

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
