using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Pacta.Workspace.Snapshot;

/// <summary>
/// The fast side of <see cref="ModelShape"/>: typed reads (no boxing of ints, dates and enums) and, per record type,
/// one small method emitted at first use that reads the fields in order and calls the constructor and the
/// initializers. Reading the bundled workspace builds some 10⁵ objects at every start; reflection calls per object
/// would cost several times the old hand-written reader.
/// </summary>
internal static class ModelReading
{
    public sealed record FieldRead(PropertyInfo Property, bool Optional);

    public static T Value<T>(ModelShape s, ModelReader r, int depth)
    {
        if (typeof(T) == typeof(int)) { var v = r.Int(); return Unsafe.As<int, T>(ref v); }
        if (typeof(T) == typeof(bool)) { var v = r.Bool(); return Unsafe.As<bool, T>(ref v); }
        if (typeof(T) == typeof(double)) { var v = r.Double(); return Unsafe.As<double, T>(ref v); }
        if (typeof(T) == typeof(decimal)) { var v = r.Decimal(); return Unsafe.As<decimal, T>(ref v); }
        if (typeof(T) == typeof(byte)) { var v = r.Byte(); return Unsafe.As<byte, T>(ref v); }
        if (typeof(T) == typeof(DateOnly)) { var v = DateOnly.FromDayNumber(r.Int()); return Unsafe.As<DateOnly, T>(ref v); }
        if (typeof(T) == typeof(string)) { var v = r.String(); return Unsafe.As<string, T>(ref v); }
        if (typeof(T).IsEnum)
        {
            var n = r.Int();
            if (!s.Admits(n)) throw new InvalidDataException($"{typeof(T).Name} {n} out of range");
            if (Unsafe.SizeOf<T>() == sizeof(int)) return Unsafe.As<int, T>(ref n);
            if (Unsafe.SizeOf<T>() == sizeof(byte)) { var b = (byte)n; return Unsafe.As<byte, T>(ref b); }
            return (T)Enum.ToObject(typeof(T), n);
        }
        return (T)s.Read(r, depth)!;
    }

    public static T? Nullable<T>(ModelShape s, ModelReader r, int depth) where T : struct => r.Bool() ? Value<T>(s.Item, r, depth + 1) : null;

    public static T? Optional<T>(ModelShape s, ModelReader r, int depth) where T : class => r.Bool() ? Value<T>(s, r, depth) : null;

    public static object List<T>(ModelShape item, ModelReader r, int depth)
    {
        var a = new T[r.Count()];
        for (var i = 0; i < a.Length; i++) a[i] = Value<T>(item, r, depth);
        return a;
    }

    /// <summary>
    /// <c>(shapes, reader, depth) => new T(read0, read1, …) { Init0 = read(n), … }</c>, where read i is
    /// <see cref="Value{T}"/>, <see cref="Nullable{T}"/> or <see cref="Optional{T}"/> with the field's shape.
    /// </summary>
    public static Func<ModelShape[], ModelReader, int, object> Record(Type t, ConstructorInfo constructor, FieldRead[] arguments, FieldRead[] initialized)
    {
        var method = new DynamicMethod($"read {t.Name}", typeof(object), [typeof(ModelShape[]), typeof(ModelReader), typeof(int)], typeof(ModelReading).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var index = 0;
        foreach (var f in arguments) EmitRead(il, index++, f);
        il.Emit(OpCodes.Newobj, constructor);
        if (initialized.Length > 0)
        {
            var o = il.DeclareLocal(t);
            il.Emit(OpCodes.Stloc, o);
            foreach (var f in initialized)
            {
                il.Emit(t.IsValueType ? OpCodes.Ldloca : OpCodes.Ldloc, o);
                EmitRead(il, index++, f);
                il.Emit(t.IsValueType ? OpCodes.Call : OpCodes.Callvirt, f.Property.SetMethod!);
            }
            il.Emit(OpCodes.Ldloc, o);
        }
        if (t.IsValueType) il.Emit(OpCodes.Box, t);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<ModelShape[], ModelReader, int, object>>();
    }

    private static void EmitRead(ILGenerator il, int index, FieldRead f)
    {
        var type = f.Property.PropertyType;
        var read = System.Nullable.GetUnderlyingType(type) is { } inner
            ? typeof(ModelReading).GetMethod(nameof(Nullable))!.MakeGenericMethod(inner)
            : typeof(ModelReading).GetMethod(f.Optional ? nameof(Optional) : nameof(Value))!.MakeGenericMethod(type);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Call, read);
    }
}
