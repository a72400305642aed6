using System.Collections;
using System.Reflection;

namespace Pacta.Workspace.Snapshot;

/// <summary>
/// How a model type is written, derived from the type itself: a record by its widest public constructor (each
/// parameter read back from the property of the same name) and then every publicly settable property the constructor
/// does not take; a list, dictionary, nullable, enum, date or primitive by its kind. Properties that are neither
/// (<c>Agreement.InForce</c>, computed from other fields) are not stored. So a field added to a model record is
/// carried by the snapshot with no change here; a field of a type this does not know fails loudly when the shape is
/// built (and <c>ModelRoundTripTests</c> with it).
/// </summary>
internal sealed class ModelShape
{
    private enum Kind { Int, Bool, Double, Decimal, Byte, String, Date, Enum, Nullable, List, Dictionary, Record }

    private static readonly Dictionary<Type, ModelShape> Shapes = [];
    private static readonly NullabilityInfoContext Nullability = new();

    private Kind _kind;
    private readonly Type _type;
    private ModelShape? _item;
    private ModelShape? _key;
    private ConstructorInfo? _constructor;
    private Func<ModelShape[], ModelReader, int, object>? _readRecord;
    private Func<ModelShape, ModelReader, int, object>? _readList;
    private ModelShape[] _fieldShapes = [];
    private Field[] _arguments = [];
    private Field[] _initialized = [];
    private Dictionary<long, object>? _defined;
    private HashSet<int>? _definedInts;
    private long _flags = -1;

    private sealed record Field(PropertyInfo Property, ModelShape Shape, bool Nullable);

    private ModelShape(Type type) => _type = type;

    /// <summary>The shape of a type, built once per process.</summary>
    public static ModelShape Of(Type t)
    {
        lock (Shapes)
        {
            return Build(t);
        }
    }

    private static ModelShape Build(Type t)
    {
        if (Shapes.TryGetValue(t, out var known)) return known;
        var s = new ModelShape(t);
        Shapes[t] = s;
        if (t == typeof(int)) s._kind = Kind.Int;
        else if (t == typeof(bool)) s._kind = Kind.Bool;
        else if (t == typeof(double)) s._kind = Kind.Double;
        else if (t == typeof(decimal)) s._kind = Kind.Decimal;
        else if (t == typeof(byte)) s._kind = Kind.Byte;
        else if (t == typeof(string)) s._kind = Kind.String;
        else if (t == typeof(DateOnly)) s._kind = Kind.Date;
        else if (t.IsEnum)
        {
            s._kind = Kind.Enum;
            var values = Enum.GetValues(t).Cast<object>().ToList();
            if (t.IsDefined(typeof(FlagsAttribute), false)) s._flags = values.Aggregate(0L, (a, v) => a | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
            // The boxed values themselves, so that reading one allocates nothing.
            else
            {
                s._defined = values.ToDictionary(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
                s._definedInts = [.. s._defined.Keys.Select(k => (int)k)];
            }
        }
        else if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            s._kind = Kind.Nullable;
            s._item = Build(inner);
        }
        else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            s._kind = Kind.Dictionary;
            s._key = Build(t.GetGenericArguments()[0]);
            s._item = Build(t.GetGenericArguments()[1]);
        }
        else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            s._kind = Kind.List;
            s._item = Build(t.GetGenericArguments()[0]);
            s._readList = typeof(ModelReading).GetMethod(nameof(ModelReading.List))!.MakeGenericMethod(s._item._type)
                .CreateDelegate<Func<ModelShape, ModelReader, int, object>>();
        }
        else if (t.IsArray || typeof(IEnumerable).IsAssignableFrom(t) || t.IsInterface || t.IsAbstract)
        {
            throw new NotSupportedException($"snapshot: {t} is not a model type (use IReadOnlyList<T> or IReadOnlyDictionary<K, V>)");
        }
        else
        {
            s._kind = Kind.Record;
            var constructor = t.GetConstructors()
                .Where(c => c.GetParameters() is not [var only] || only.ParameterType != t)
                .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
                ?? throw new NotSupportedException($"snapshot: {t} has no public constructor");
            var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
            s._constructor = constructor;
            s._arguments = constructor.GetParameters().Select(p =>
            {
                var property = properties.SingleOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase) && x.PropertyType == p.ParameterType)
                    ?? throw new NotSupportedException($"snapshot: {t} has no property for its constructor parameter {p.Name}");
                return new Field(property, Build(p.ParameterType), !p.ParameterType.IsValueType && Nullability.Create(p).WriteState != NullabilityState.NotNull);
            }).ToArray();
            s._initialized = properties
                .Where(p => p.SetMethod is { IsPublic: true } && !s._arguments.Any(a => a.Property.Name == p.Name))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new Field(p, Build(p.PropertyType), !p.PropertyType.IsValueType && Nullability.Create(p).WriteState != NullabilityState.NotNull))
                .ToArray();
            s._fieldShapes = [.. s._arguments.Concat(s._initialized).Select(f => f.Shape)];
            s._readRecord = ModelReading.Record(t, constructor, s._arguments.Select(Reading).ToArray(), s._initialized.Select(Reading).ToArray());
        }
        return s;
    }

    private static ModelReading.FieldRead Reading(Field f) => new(f.Property, f.Nullable && !f.Property.PropertyType.IsValueType);

    /// <summary>The defined values of an enum read as an int (the flags mask for a flags enum).</summary>
    public bool Admits(int n) => _definedInts?.Contains(n) ?? (n & ~_flags) == 0;

    public Type Type => _type;

    public ModelShape Item => _item!;

    public void Write(ModelWriter w, object? value)
    {
        switch (_kind)
        {
            case Kind.Int: w.Int((int)value!); break;
            case Kind.Bool: w.Bool((bool)value!); break;
            case Kind.Double: w.Double((double)value!); break;
            case Kind.Decimal: w.Decimal((decimal)value!); break;
            case Kind.Byte: w.Byte((byte)value!); break;
            case Kind.String: w.String((string)value!); break;
            case Kind.Date: w.Int(((DateOnly)value!).DayNumber); break;
            case Kind.Enum: w.Int(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case Kind.Nullable:
                w.Bool(value is not null);
                if (value is not null) _item!.Write(w, value);
                break;
            case Kind.List:
                var items = (IList)value!;
                w.Int(items.Count);
                foreach (var item in items) _item!.Write(w, item);
                break;
            case Kind.Dictionary:
                // In the dictionary's own order, which loading makes deterministic and the copy keeps.
                var entries = ((IEnumerable)value!).Cast<object>().Select(e => (Key: e.GetType().GetProperty("Key")!.GetValue(e)!, Value: e.GetType().GetProperty("Value")!.GetValue(e))).ToList();
                w.Int(entries.Count);
                foreach (var (k, v) in entries)
                {
                    _key!.Write(w, k);
                    _item!.Write(w, v);
                }
                break;
            default:
                foreach (var f in _arguments) WriteField(w, f, value!);
                foreach (var f in _initialized) WriteField(w, f, value!);
                break;
        }
    }

    private static void WriteField(ModelWriter w, Field f, object owner)
    {
        var v = f.Property.GetValue(owner);
        if (f.Nullable && !f.Property.PropertyType.IsValueType)
        {
            w.Bool(v is not null);
            if (v is null) return;
        }
        else if (v is null && !f.Property.PropertyType.IsValueType)
        {
            throw new InvalidOperationException($"snapshot: {f.Property.DeclaringType}.{f.Property.Name} is null but not declared nullable");
        }
        f.Shape.Write(w, v);
    }

    /// <summary>A value; throws <see cref="InvalidDataException"/> (or the constructor's own exception) on anything out of range.</summary>
    public object? Read(ModelReader r, int depth)
    {
        if (depth > ModelReader.MaxDepth) throw new InvalidDataException("nested too deeply");
        switch (_kind)
        {
            case Kind.Int: return r.Int();
            case Kind.Bool: return r.Bool();
            case Kind.Double: return r.Double();
            case Kind.Decimal: return r.Decimal();
            case Kind.Byte: return r.Byte();
            case Kind.String: return r.String();
            case Kind.Date: return DateOnly.FromDayNumber(r.Int());
            case Kind.Enum:
                long n = r.Int();
                if (_defined is { } defined) return defined.TryGetValue(n, out var boxed) ? boxed : throw new InvalidDataException($"{_type.Name} {n} out of range");
                return (n & ~_flags) == 0 ? Enum.ToObject(_type, n) : throw new InvalidDataException($"{_type.Name} {n} out of range");
            case Kind.Nullable: return r.Bool() ? _item!.Read(r, depth + 1) : null;
            case Kind.List: return _readList!(_item!, r, depth + 1);
            case Kind.Dictionary:
                var count = r.Count();
                var dictionary = _key!._kind == Kind.String
                    ? (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(_key._type, _item!._type), count, StringComparer.Ordinal)!
                    : (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(_key._type, _item!._type), count)!;
                for (var i = 0; i < count; i++) dictionary.Add(_key.Read(r, depth + 1)!, _item.Read(r, depth + 1));
                return dictionary;
            default: return _readRecord!(_fieldShapes, r, depth + 1);
        }
    }
}
