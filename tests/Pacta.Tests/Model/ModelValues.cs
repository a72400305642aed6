using System.Collections;
using System.Reflection;

namespace Pacta.Tests.Model;

/// <summary>
/// Builds an instance of any model type with every field set to a value that is not the default, from the type's
/// shape alone (its widest public constructor, then every settable property it does not set), so that a field
/// added to the model is filled without a change here. Values are small and valid (months 1–12, days 1–28) so that
/// derived properties still compute.
/// </summary>
internal sealed class ModelValues
{
    private int _next;

    private int Next() => ++_next;

    public T Make<T>() => (T)Make(typeof(T), 0);

    public object Make(Type t, int depth)
    {
        if (depth > 12) throw new InvalidOperationException($"the model nests deeper than expected at {t}");
        if (Nullable.GetUnderlyingType(t) is { } inner) return Make(inner, depth);
        if (t == typeof(string)) return $"s{Next()}";
        if (t == typeof(int)) return Next() % 12 + 1;
        if (t == typeof(bool)) return true;
        if (t == typeof(double)) return Next() + 0.5;
        if (t == typeof(decimal)) return Next() + 0.25m;
        if (t == typeof(byte)) return (byte)(Next() % 200 + 1);
        if (t == typeof(DateOnly)) return new DateOnly(1900, 1, 1).AddDays(Next());
        if (t.IsEnum)
        {
            // A defined value other than the first (the default), turning through them so that lists differ.
            var values = Enum.GetValues(t);
            return values.Length == 1 ? values.GetValue(0)! : values.GetValue(1 + Next() % (values.Length - 1))!;
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g
            && (g == typeof(IReadOnlyList<>) || g == typeof(IReadOnlyCollection<>) || g == typeof(IEnumerable<>) || g == typeof(IList<>)))
        {
            var item = t.GetGenericArguments()[0];
            var array = Array.CreateInstance(item, 2);
            for (var i = 0; i < array.Length; i++) array.SetValue(Make(item, depth + 1), i);
            return array;
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var args = t.GetGenericArguments();
            var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            for (var i = 0; i < 2; i++) dict[Make(args[0], depth + 1)] = Make(args[1], depth + 1);
            return dict;
        }
        var ctor = t.GetConstructors().Where(c => !IsCopyConstructor(c, t)).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{t} has no public constructor");
        var parameters = ctor.GetParameters();
        var o = ctor.Invoke(parameters.Select(p => Make(p.ParameterType, depth + 1)).ToArray());
        foreach (var p in Fields(t).Where(p => !parameters.Any(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            p.SetValue(o, Make(p.PropertyType, depth + 1));
        return o;
    }

    private static bool IsCopyConstructor(ConstructorInfo c, Type t) => c.GetParameters() is [var only] && only.ParameterType == t;

    /// <summary>The fields of a model type: its public instance properties that a constructor or an initializer sets.</summary>
    public static IEnumerable<PropertyInfo> Fields(Type t)
    {
        var ctorNames = t.GetConstructors().Where(c => !IsCopyConstructor(c, t)).SelectMany(c => c.GetParameters()).Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract" && (p.CanWrite || ctorNames.Contains(p.Name)));
    }

    /// <summary>
    /// The first difference between two values, field by field and item by item (records compare lists by reference,
    /// so their own equality would not do), as a path; null when they are the same.
    /// </summary>
    public static string? Difference(object? a, object? b, string path = "")
    {
        if (a is null || b is null) return a is null && b is null ? null : $"{path}: {a ?? "null"} vs {b ?? "null"}";
        var t = a.GetType();
        if (t.IsPrimitive || t.IsEnum || a is string or decimal or DateOnly) return Equals(a, b) ? null : $"{path}: {a} vs {b}";
        if (a is IDictionary da && b is IDictionary db)
        {
            if (da.Count != db.Count) return $"{path}: {da.Count} entries vs {db.Count}";
            foreach (DictionaryEntry e in da)
                if (!db.Contains(e.Key)) return $"{path}[{e.Key}]: missing";
                else if (Difference(e.Value, db[e.Key], $"{path}[{e.Key}]") is { } d) return d;
            return null;
        }
        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count) return $"{path}: {la.Count} items vs {lb.Count}";
            for (var i = 0; i < la.Count; i++)
                if (Difference(la[i], lb[i], $"{path}[{i}]") is { } d) return d;
            return null;
        }
        foreach (var p in Fields(t))
            if (Difference(p.GetValue(a), p.GetValue(b), $"{path}.{p.Name}") is { } d) return d;
        return null;
    }

    /// <summary>Every path below <paramref name="o"/> whose value is null or the type's default (a field the maker missed).</summary>
    public static IEnumerable<string> Defaults(object? o, string path = "")
    {
        if (o is null) { yield return path; yield break; }
        var t = o.GetType();
        if (t.IsValueType && !t.IsGenericType && Equals(o, Activator.CreateInstance(t)) && t != typeof(bool)) { yield return path; yield break; }
        if (t.IsPrimitive || t.IsEnum || o is string or decimal or DateOnly) yield break;
        if (o is IDictionary d)
        {
            foreach (DictionaryEntry e in d)
                foreach (var x in Defaults(e.Value, $"{path}[{e.Key}]")) yield return x;
            yield break;
        }
        if (o is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
                foreach (var x in Defaults(item, $"{path}[{i++}]")) yield return x;
            yield break;
        }
        foreach (var p in Fields(t))
            foreach (var x in Defaults(p.GetValue(o), $"{path}.{p.Name}")) yield return x;
    }
}
