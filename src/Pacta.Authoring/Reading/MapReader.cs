using System.Globalization;
using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// Reads one mapping against the keys the format defines: reports unknown keys (with the nearest known
/// key), duplicate keys and missing required keys once, then hands out typed values.
/// </summary>
internal sealed class MapReader
{
    private readonly FileContext _ctx;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public MapReader(FileContext ctx, YamlMapping map, string what, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        _ctx = ctx;
        Node = map;
        ReaderKeys.Note(what, required, optional);
        var known = required.Concat(optional).ToList();
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (!known.Contains(key))
            {
                ctx.Error(entry.Key, ErrorCodes.UnknownKey, $"unknown key '{key}' in {what}{Suggest.DidYouMean(key, known)}");
                continue;
            }
            if (!_values.TryAdd(key, entry.Value))
            {
                ctx.Error(entry.Key, ErrorCodes.DuplicateKey, $"duplicate key '{key}' in {what}");
            }
        }
        foreach (var key in required)
        {
            if (!_values.ContainsKey(key))
            {
                ctx.Error(map, ErrorCodes.MissingKey, $"{what} is missing the required key '{key}'");
            }
        }
    }

    public YamlMapping Node { get; }

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? this[string key] => _values.GetValueOrDefault(key);

    /// <summary>A scalar value; null when absent or written as null.</summary>
    public YamlScalar? Scalar(string key)
    {
        if (!_values.TryGetValue(key, out var node)) return null;
        if (node is YamlScalar s) return s.IsNull ? null : s;
        _ctx.Error(node, ErrorCodes.WrongType, $"'{key}' must be a single value, not a {Shape(node)}");
        return null;
    }

    /// <summary>
    /// A scalar that must have a value when its key is present: <c>id: ~</c> is an empty-value error rather than a
    /// silently dropped provision, party or source.
    /// </summary>
    public YamlScalar? Required(string key)
    {
        var s = Scalar(key);
        if (s is null && _values.TryGetValue(key, out var node) && node is YamlScalar)
            _ctx.Error(node, ErrorCodes.EmptyValue, $"'{key}' must not be empty");
        return s;
    }

    public string? String(string key, bool required = false)
    {
        var s = Scalar(key);
        if (s is null)
        {
            if (required && _values.TryGetValue(key, out var node)) _ctx.Error(node, ErrorCodes.EmptyValue, $"'{key}' must not be empty");
            return null;
        }
        if (required && s.Value.Trim().Length == 0) { _ctx.Error(s, ErrorCodes.EmptyValue, $"'{key}' must not be empty"); return null; }
        return s.Value;
    }

    public T? Enum<T>(string key, string code, bool required = true) where T : struct, System.Enum
    {
        var s = Scalar(key);
        if (s is null)
        {
            if (required && _values.TryGetValue(key, out var node)) _ctx.Error(node, ErrorCodes.EmptyValue, $"'{key}' must not be empty");
            return null;
        }
        if (Words.TryParse<T>(s.Value, out var value)) return value;
        var all = Words.All<T>().ToList();
        _ctx.Error(s, code, $"'{s.Value}' is not a valid {key.Replace('_', ' ')}; expected one of {string.Join(", ", all)}{Suggest.DidYouMean(s.Value, all)}");
        return null;
    }

    /// <summary>A day, <c>open</c> (null with <paramref name="open"/> true), or an error.</summary>
    public bool Date(string key, out DateOnly? day, out bool open, bool allowOpen = true)
    {
        day = null;
        open = false;
        if (!_values.TryGetValue(key, out var node)) return false;
        return ParseDate(_ctx, node, key, allowOpen, out day, out open);
    }

    public static bool ParseDate(FileContext ctx, YamlNode node, string key, bool allowOpen, out DateOnly? day, out bool open)
    {
        day = null;
        open = false;
        if (node is not YamlScalar s)
        {
            ctx.Error(node, ErrorCodes.WrongType, $"'{key}' must be a date, not a {Shape(node)}");
            return false;
        }
        if (allowOpen && s.Value == "open") { open = true; return true; }
        if (s.Value.Length == 10 && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }
        var hint = allowOpen ? "YYYY-MM-DD or open" : "YYYY-MM-DD";
        ctx.Error(s, ErrorCodes.BadDate, $"'{key}' is not a valid date: '{s.Value}' (expected {hint})");
        return false;
    }

    /// <summary>A list of nodes; a single scalar counts as a one-item list where <paramref name="scalarOk"/>.</summary>
    public IReadOnlyList<YamlNode> List(string key, bool scalarOk = false)
    {
        if (!_values.TryGetValue(key, out var node)) return [];
        switch (node)
        {
            case YamlSequence seq: return seq.Items;
            case YamlScalar s when s.IsNull: return [];
            case YamlScalar s when scalarOk: return [s];
            default:
                _ctx.Error(node, ErrorCodes.WrongType, $"'{key}' must be a list, not a {Shape(node)}");
                return [];
        }
    }

    /// <summary>
    /// An id that must be lower-case words joined by '-' (<see cref="Ids"/>) and unused among <paramref name="used"/>
    /// (which it joins): the <paramref name="what"/> id ("provision", "reading") is reported otherwise, a repeat with
    /// <paramref name="duplicateCode"/> and the message <paramref name="duplicate"/> makes of the id. Null when absent.
    /// </summary>
    public YamlScalar? UniqueId(string key, string what, HashSet<string> used, string duplicateCode, Func<string, string> duplicate)
    {
        var id = Required(key);
        if (id is null) return null;
        if (!Ids.IsId(id.Value))
            _ctx.Error(id, ErrorCodes.BadId, $"{what} id '{id.Value}' must be lower-case words joined by '-'");
        else if (!used.Add(id.Value))
            _ctx.Error(id, duplicateCode, duplicate(id.Value));
        return id;
    }

    /// <summary>
    /// The mappings listed under <paramref name="key"/>, one at a time as the caller reads them; an item of another
    /// shape is reported as it is reached, with <paramref name="each"/> ("each party must be a mapping") and, where
    /// <paramref name="withShape"/>, the shape it has.
    /// </summary>
    public IEnumerable<YamlMapping> Mappings(string key, string each, bool withShape = true) => Mappings(List(key), each, withShape);

    /// <inheritdoc cref="Mappings(string, string, bool)"/>
    public IEnumerable<YamlMapping> Mappings(IReadOnlyList<YamlNode> nodes, string each, bool withShape = true)
    {
        foreach (var node in nodes)
        {
            if (node is YamlMapping map) yield return map;
            else _ctx.Error(node, ErrorCodes.WrongType, withShape ? $"{each}, not a {Shape(node)}" : each);
        }
    }

    public YamlMapping? Mapping(string key)
    {
        if (!_values.TryGetValue(key, out var node)) return null;
        if (node is YamlMapping m) return m;
        if (node is YamlScalar s && s.IsNull) return null;
        _ctx.Error(node, ErrorCodes.WrongType, $"'{key}' must be a mapping of keys, not a {Shape(node)}");
        return null;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var result = new List<string>();
        foreach (var item in List(key))
        {
            if (item is YamlScalar s) result.Add(s.Value);
            else _ctx.Error(item, ErrorCodes.WrongType, $"items of '{key}' must be text, not a {Shape(item)}");
        }
        return result;
    }

    public static string Shape(YamlNode node) => node switch
    {
        YamlMapping => "mapping",
        YamlSequence => "list",
        _ => "value",
    };
}
