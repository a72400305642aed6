using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using static Pacta.Generators.ModelTypes;

namespace Pacta.Generators;

/// <summary>
/// Writes the snapshot's reader and writer from the model types at compile time. For a partial class marked
/// <c>[ModelCodec(typeof(Root))]</c> it walks every type reachable from the root and emits, per type, one write and
/// one read method: a record by its widest public constructor (each parameter from the property of the same name),
/// then every public settable property the constructor does not take, in name order; lists
/// (<c>IReadOnlyList&lt;T&gt;</c>), dictionaries, nullables, enums (checked against their defined values), dates,
/// strings and primitives by kind; a reference the model declares nullable gets a presence flag. So a field added to
/// a model record is written and read with no edit anywhere; a field of a kind this does not know stops the build.
/// What is reachable, a record's members and each value's kind come from <see cref="ModelTypes"/>, shared with
/// <see cref="ModelJsonGenerator"/>; this writes the snapshot's code per kind.
/// </summary>
[Generator]
public sealed class ModelCodecGenerator : IIncrementalGenerator
{
    private const string Attribute = "Pacta.Workspace.Snapshot.ModelCodecAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        ModelSource.Register(context, Attribute, nameof(ModelCodecGenerator), root => new Emitter(root).Emit());

    private sealed class Emitter
    {
        private readonly ITypeSymbol _root;
        private readonly TypeWalk _walk = new();
        private readonly StringBuilder _sb = new();
        private int _local;

        public Emitter(ITypeSymbol root) => _root = root;

        public string Emit()
        {
            var rootId = _walk.Reach(_root);
            while (_walk.Next(out var type, out var id)) EmitType(type, id);
            var text = new StringBuilder();
            text.AppendLine($"    public static void Write(global::Pacta.Workspace.Snapshot.ModelWriter w, {Name(_root)} v) => W{rootId}(w, v);");
            text.AppendLine($"    public static {Name(_root)} Read(global::Pacta.Workspace.Snapshot.ModelReader r) => R{rootId}(r, 0);");
            text.Append(_sb);
            return text.ToString();
        }

        /// <summary>An expression reading a <paramref name="t"/> from <c>r</c> at <c>depth</c>.</summary>
        private string Read(ITypeSymbol t, bool optional)
        {
            var value = KindOf(t) switch
            {
                ModelKind.Int32 => "r.Int()",
                ModelKind.Boolean => "r.Bool()",
                ModelKind.Double => "r.Double()",
                ModelKind.Decimal => "r.Decimal()",
                ModelKind.Byte => "r.Byte()",
                ModelKind.String => "r.String()",
                ModelKind.Date => "global::System.DateOnly.FromDayNumber(r.Int())",
                _ => $"R{_walk.Reach(t)}(r, depth + 1)",
            };
            return optional && !t.IsValueType ? $"(r.Bool() ? {value} : null)" : value;
        }

        /// <summary>Statements writing <paramref name="expr"/> (a <paramref name="t"/>) to <c>w</c>.</summary>
        private string Write(ITypeSymbol t, string expr, bool optional)
        {
            var plain = KindOf(t) switch
            {
                ModelKind.Int32 => $"w.Int({expr});",
                ModelKind.Boolean => $"w.Bool({expr});",
                ModelKind.Double => $"w.Double({expr});",
                ModelKind.Decimal => $"w.Decimal({expr});",
                ModelKind.Byte => $"w.Byte({expr});",
                ModelKind.String => $"w.String({expr});",
                ModelKind.Date => $"w.Int({expr}.DayNumber);",
                _ => $"W{_walk.Reach(t)}(w, {expr});",
            };
            if (!optional || t.IsValueType) return plain;
            var x = $"x{_local++}";
            return $"if ({expr} is {{ }} {x}) {{ w.Bool(true); {plain.Replace(expr, x)} }} else w.Bool(false);";
        }

        private void EmitType(ITypeSymbol t, int id)
        {
            var name = Name(t);
            switch (KindOf(t))
            {
                case ModelKind.Enum:
                    {
                        var e = (INamedTypeSymbol)t;
                        var values = e.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => Convert.ToInt64(f.ConstantValue)).Distinct().OrderBy(v => v).ToList();
                        var flags = e.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
                        var words = values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        var mask = values.Aggregate(0L, (a, v) => a | v).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var check = flags ? $"(n & ~{mask}) == 0" : $"n is {string.Join(" or ", words)}";
                        _sb.AppendLine($"    private static void W{id}(global::Pacta.Workspace.Snapshot.ModelWriter w, {name} v) => w.Int((int)v);");
                        _sb.AppendLine($"    private static {name} R{id}(global::Pacta.Workspace.Snapshot.ModelReader r, int depth) {{ var n = r.Int(); return {check} ? ({name})n : throw new global::System.IO.InvalidDataException($\"{t.Name} {{n}} out of range\"); }}");
                        return;
                    }
                case ModelKind.Nullable:
                    {
                        var inner = Parts(t)[0];
                        _sb.AppendLine($"    private static void W{id}(global::Pacta.Workspace.Snapshot.ModelWriter w, {name} v) {{ w.Bool(v.HasValue); if (v.HasValue) {{ {Write(inner, "v.Value", false)} }} }}");
                        _sb.AppendLine($"    private static {name} R{id}(global::Pacta.Workspace.Snapshot.ModelReader r, int depth) => r.Bool() ? {Read(inner, false)} : null;");
                        return;
                    }
                case ModelKind.List:
                    {
                        var item = Parts(t)[0];
                        var itemName = Name(item);
                        var optional = item.NullableAnnotation == NullableAnnotation.Annotated;
                        _sb.AppendLine($"    private static void W{id}(global::Pacta.Workspace.Snapshot.ModelWriter w, {name} v) {{ w.Int(v.Count); foreach (var item in v) {{ {Write(item, "item", optional)} }} }}");
                        _sb.AppendLine($"    private static {name} R{id}(global::Pacta.Workspace.Snapshot.ModelReader r, int depth)");
                        _sb.AppendLine($"    {{ Deep(depth); var a = new {itemName}{(optional ? "?" : "")}[r.Count()]; for (var i = 0; i < a.Length; i++) a[i] = {Read(item, optional)}; return a; }}");
                        return;
                    }
                case ModelKind.Dictionary:
                    {
                        var (k, val) = (Parts(t)[0], Parts(t)[1]);
                        var comparer = k.SpecialType == SpecialType.System_String ? ", global::System.StringComparer.Ordinal" : "";
                        // In the dictionary's own order, which loading makes deterministic and the copy keeps.
                        _sb.AppendLine($"    private static void W{id}(global::Pacta.Workspace.Snapshot.ModelWriter w, {name} v) {{ w.Int(v.Count); foreach (var e in v) {{ {Write(k, "e.Key", false)} {Write(val, "e.Value", false)} }} }}");
                        _sb.AppendLine($"    private static {name} R{id}(global::Pacta.Workspace.Snapshot.ModelReader r, int depth)");
                        _sb.AppendLine($"    {{ Deep(depth); var n = r.Count(); var m = new global::System.Collections.Generic.Dictionary<{Name(k)}, {Name(val)}>(n{comparer}); for (var i = 0; i < n; i++) m.Add({Read(k, false)}, {Read(val, false)}); return m; }}");
                        return;
                    }
                case ModelKind.Record:
                    EmitRecord((INamedTypeSymbol)t, id);
                    return;
                default:
                    throw new InvalidOperationException($"ModelCodec: {name} is not a model type the snapshot writes (use IReadOnlyList<T> or IReadOnlyDictionary<K, V>)");
            }
        }

        private void EmitRecord(INamedTypeSymbol record, int id)
        {
            var name = Name(record);
            var members = Members(record);
            // Fields the constructor does not take, by name: the format does not follow the order of the source.
            var initialized = members.Rest.Where(ModelMembers.Settable).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            static bool Optional(IPropertySymbol p) => p.Type.NullableAnnotation == NullableAnnotation.Annotated;
            _sb.AppendLine($"    private static void W{id}(global::Pacta.Workspace.Snapshot.ModelWriter w, {name} v)");
            _sb.AppendLine("    {");
            foreach (var p in members.Arguments.Concat(initialized)) _sb.AppendLine($"        {Write(p.Type, "v." + p.Name, Optional(p))}");
            _sb.AppendLine("    }");
            _sb.AppendLine($"    private static {name} R{id}(global::Pacta.Workspace.Snapshot.ModelReader r, int depth)");
            _sb.AppendLine("    {");
            _sb.AppendLine("        Deep(depth);");
            // Arguments, then initializers, are evaluated in order: the same order as written.
            var args = string.Join(",\n            ", members.Arguments.Select(p => Read(p.Type, Optional(p))));
            var inits = string.Join(",\n            ", initialized.Select(p => $"{p.Name} = {Read(p.Type, Optional(p))}"));
            _sb.AppendLine($"        return new {name}(\n            {args})");
            _sb.AppendLine(initialized.Count == 0 ? "        ;" : $"        {{\n            {inits},\n        }};");
            _sb.AppendLine("    }");
        }
    }

}
