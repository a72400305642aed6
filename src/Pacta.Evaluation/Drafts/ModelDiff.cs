using System.Collections;
using System.Reflection;
using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>One field that differs between two versions: where (provision and field path), and the old and new values in words.</summary>
public sealed record FieldChange(string Where, string Field, string? Old, string? New)
{
    public override string ToString() => (Old, New) switch
    {
        (null, _) => $"{Where}: {Field} added: {New}",
        (_, null) => $"{Where}: {Field} removed (was {Old})",
        _ => $"{Where}: {Field}: {Old} → {New}",
    };
}

/// <summary>
/// A field-by-field diff of two model values, generic over the records: every public property is compared, so a field
/// added to a record appears in the diff without an edit here. Lists of elements with an <c>Id</c> are matched by id
/// (provisions, sources, readings); other lists element by element when their lengths agree, else as a whole. Source
/// positions are left out (a moved line is no change of meaning).
/// </summary>
public static class ModelDiff
{
    public static IReadOnlyList<FieldChange> Agreements(Agreement a, Agreement b)
    {
        var changes = new List<FieldChange>();
        foreach (var p in Properties(typeof(Agreement)))
        {
            if (p.Name == nameof(Agreement.Provisions)) continue;
            Compare(p.GetValue(a), p.GetValue(b), p.PropertyType, "agreement", Name(p), changes);
        }
        var before = a.Provisions.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var after = b.Provisions.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var p in a.Provisions.Where(p => !after.ContainsKey(p.Id)))
            changes.Add(new FieldChange($"provision {p.Id}", "provision", $"'{p.Citation}'", null));
        foreach (var p in b.Provisions.Where(p => !before.ContainsKey(p.Id)))
            changes.Add(new FieldChange($"provision {p.Id}", "provision", null, $"'{p.Citation}'"));
        foreach (var p in a.Provisions.Where(p => after.ContainsKey(p.Id)))
            Compare(p, after[p.Id], typeof(Provision), $"provision {p.Id}", "", changes);
        return changes;
    }

    /// <summary>The fields in which <paramref name="a"/> and <paramref name="b"/> differ, under <paramref name="where"/>.</summary>
    public static IReadOnlyList<FieldChange> Of<T>(T a, T b, string where = "")
    {
        var changes = new List<FieldChange>();
        Compare(a, b, typeof(T), where, "", changes);
        return changes;
    }

    private static IEnumerable<PropertyInfo> Properties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.CanWrite && p.PropertyType != typeof(Position))
            .OrderBy(p => p.MetadataToken);

    private static string Name(PropertyInfo p) => Words.ToKebab(p.Name).Replace('-', '_');

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Compare(object? a, object? b, Type type, string where, string path, List<FieldChange> changes)
    {
        if (a is null && b is null) return;
        if (IsLeaf(type) || a is null || b is null)
        {
            if (!Equals(a, b)) changes.Add(new FieldChange(where, path, Describe(a), Describe(b)));
            return;
        }
        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            CompareLists([.. ea.Cast<object?>()], [.. eb.Cast<object?>()], ElementType(type), where, path, changes);
            return;
        }
        foreach (var p in Properties(type))
            Compare(p.GetValue(a), p.GetValue(b), p.PropertyType, where, Join(path, Name(p)), changes);
    }

    /// <summary>
    /// Elements by id. An id need not be unique in its list (a contested clause "post-war-gate" on three provisions of
    /// the G7 declaration): the provision, when the element names one, then the occurrence tell them apart.
    /// </summary>
    private static Dictionary<string, object> Keyed(List<object?> list, System.Reflection.PropertyInfo id, System.Reflection.PropertyInfo? provision)
    {
        var keyed = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var x in list)
        {
            if (x is null) continue;
            var key = (string)id.GetValue(x)!;
            if (provision?.GetValue(x) is string p) key = $"{p}:{key}";
            var unique = key;
            for (var n = 2; keyed.ContainsKey(unique); n++) unique = $"{key}#{n}";
            keyed[unique] = x;
        }
        return keyed;
    }

    private static void CompareLists(List<object?> a, List<object?> b, Type element, string where, string path, List<FieldChange> changes)
    {
        var id = IsLeaf(element) ? null : element.GetProperty("Id", typeof(string));
        if (id is not null)
        {
            var provision = element.GetProperty("Provision", typeof(string));
            var before = Keyed(a, id, provision);
            var after = Keyed(b, id, provision);
            foreach (var (k, v) in before.Where(x => !after.ContainsKey(x.Key)))
                changes.Add(new FieldChange(where, $"{path}[{k}]", Describe(v), null));
            foreach (var (k, v) in after.Where(x => !before.ContainsKey(x.Key)))
                changes.Add(new FieldChange(where, $"{path}[{k}]", null, Describe(v)));
            foreach (var (k, v) in before.Where(x => after.ContainsKey(x.Key)))
                Compare(v, after[k], element, where, $"{path}[{k}]", changes);
            return;
        }
        if (IsLeaf(element) || a.Count != b.Count)
        {
            if (!a.SequenceEqual(b)) changes.Add(new FieldChange(where, path, a.Count == 0 ? null : DescribeList(a), b.Count == 0 ? null : DescribeList(b)));
            return;
        }
        for (var i = 0; i < a.Count; i++) Compare(a[i], b[i], element, where, $"{path}[{i + 1}]", changes);
    }

    private static Type ElementType(Type t) =>
        t.IsArray ? t.GetElementType()! :
        t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);

    /// <summary>A value compared as a whole: not a model record of the Domain (scalars, enums, days, ISO durations).</summary>
    private static bool IsLeaf(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(IsoDuration)) return true;
        if (typeof(IEnumerable).IsAssignableFrom(t)) return false;
        return t.Namespace != typeof(Agreement).Namespace || t == typeof(object);
    }

    private static string DescribeList(List<object?> items) => string.Join(", ", items.Select(Describe));

    private static string? Describe(object? v) => v switch
    {
        null => null,
        string s => $"'{s}'",
        Enum e => Words.ToKebab(e.ToString()),
        bool x => x ? "yes" : "no",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IsoDuration d => d.ToString(),
        Selector s => s.ToString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable e => $"[{string.Join(", ", e.Cast<object?>().Select(Describe))}]",
        _ when v.GetType().GetProperty("Id", typeof(string)) is { } id => (string?)id.GetValue(v),
        _ when v.GetType().Namespace == typeof(Agreement).Namespace => "{" + string.Join(", ", Properties(v.GetType()).Select(p => (p, x: p.GetValue(v)))
            .Where(t => t.x is not null && !(t.x is ICollection { Count: 0 })).Select(t => $"{Name(t.p)}: {Describe(t.x)}")) + "}",
        _ => v.ToString(),
    };
}
