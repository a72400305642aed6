using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using static Pacta.Generators.ModelTypes;

namespace Pacta.Generators;

/// <summary>
/// Writes the agreement JSON's writer from the model types at compile time. For a partial class marked
/// <c>[ModelJson(typeof(Root))]</c> it walks every type reachable from the root and emits, per record, one public
/// <c>Write(Utf8JsonWriter, T)</c> that writes an object: each field under the snake_case of its name, in declaration
/// order (widest public constructor's parameters, then public settable properties), by kind — strings, numbers,
/// booleans, days (<c>yyyy-MM-dd</c>), enums (through the owner's <c>Word</c>), nullables (null), lists (arrays),
/// string-keyed dictionaries (objects), records (their own writer). The attributes of Pacta.Domain's JsonContract.cs
/// bend the rule where the fixed contract's names or order differ; a computed property is written only when it names
/// its key. So a field added to a model record reaches the JSON with no edit; a field of a kind this does not know
/// stops the build. What is reachable, a record's members and each value's kind come from <see cref="ModelTypes"/>,
/// shared with <see cref="ModelCodecGenerator"/>; this writes the JSON's code per kind.
/// </summary>
[Generator]
public sealed class ModelJsonGenerator : IIncrementalGenerator
{
    private const string Attribute = "Pacta.Contracts.ModelJsonAttribute";
    private const string Contract = "Pacta.Domain.";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";

    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        ModelSource.Register(context, Attribute, nameof(ModelJsonGenerator), root => new Emitter(root).Emit());

    private static AttributeData? Find(ISymbol s, string name) =>
        s.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == Contract + name);

    private static IEnumerable<AttributeData> FindAll(ISymbol s, string name) =>
        s.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == Contract + name);

    private static string? Text(AttributeData? a, int i = 0) => a?.ConstructorArguments[i].Value as string;

    /// <summary>The contract's default key: <c>BindingnessNote</c> → <c>bindingness_note</c> (as Words' kebab-case, with underscores).</summary>
    private static string Snake(string pascal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string Literal(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>One key of an object: a field (with its property), or an extra written by the owner's method.</summary>
    private sealed class Key
    {
        public string Name = "";
        public IPropertySymbol? Property;
        public string? Member;
        public string? Extra;
        public string? After;
    }

    private sealed class Emitter
    {
        private readonly ITypeSymbol _root;
        private readonly TypeWalk _walk = new();
        private readonly StringBuilder _sb = new();
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
        private int _local;

        /// <summary>The field holding <paramref name="key"/> escaped once (keys are written per item).</summary>
        private string Encoded(string key)
        {
            if (!_keys.TryGetValue(key, out var field)) _keys[key] = field = $"K{_keys.Count}";
            return field;
        }

        public Emitter(ITypeSymbol root) => _root = root;

        public string Emit()
        {
            _walk.Reach(_root);
            while (_walk.Next(out var record, out _)) EmitRecord((INamedTypeSymbol)record);
            foreach (var k in _keys)
                _sb.AppendLine($"    private static readonly global::System.Text.Json.JsonEncodedText {k.Value} = global::System.Text.Json.JsonEncodedText.Encode({Literal(k.Key)});");
            return _sb.ToString();
        }

        /// <summary>Statements writing the value <paramref name="expr"/> (a <paramref name="t"/>); <paramref name="with"/> names the owner's method for each item.</summary>
        private string Value(ITypeSymbol t, string expr, string? with)
        {
            var kind = KindOf(t);
            if (kind == ModelKind.Nullable) return OrNull(expr, x => Value(Parts(t)[0], x, with));
            if (kind == ModelKind.List)
            {
                var x = $"x{_local++}";
                return $"w.WriteStartArray(); foreach (var {x} in {expr}) {{ {Value(Parts(t)[0], x, with)} }} w.WriteEndArray();";
            }
            if (MayBeNull(t) && kind != ModelKind.String) return OrNull(expr, x => Value(Plain(t), x, with));
            if (with is not null) return $"{with}(w, {expr});";
            if (Text(Find(t, "JsonWithAttribute")) is { } method) return $"{method}(w, {expr});";
            switch (kind)
            {
                case ModelKind.String: return $"w.WriteStringValue({expr});";
                case ModelKind.Boolean: return $"w.WriteBooleanValue({expr});";
                case ModelKind.Int32:
                case ModelKind.Int64:
                case ModelKind.Double:
                case ModelKind.Decimal:
                case ModelKind.Byte: return $"w.WriteNumberValue({expr});";
                case ModelKind.Date: return $"w.WriteStringValue({expr}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture));";
                case ModelKind.Enum: return $"w.WriteStringValue(Word({expr}));";
                case ModelKind.Dictionary:
                    {
                        if (KindOf(Parts(t)[0]) != ModelKind.String) throw new InvalidOperationException($"ModelJson: {Name(t)} has keys that are no strings");
                        var e = $"e{_local++}";
                        return $"w.WriteStartObject(); foreach (var {e} in {expr}) {{ w.WritePropertyName({e}.Key); {Value(Parts(t)[1], e + ".Value", with)} }} w.WriteEndObject();";
                    }
                case ModelKind.Record:
                    if (Find(t, "JsonOmitAttribute") is not null) throw new InvalidOperationException($"ModelJson: {Name(t)} is not written; name its members with [JsonMember]");
                    _walk.Reach(t);
                    return $"Write(w, {expr});";
                default:
                    throw new InvalidOperationException($"ModelJson: {Name(t)} is not a model type (use IReadOnlyList<T> or IReadOnlyDictionary<string, V>)");
            }
        }

        private string OrNull(string expr, Func<string, string> write)
        {
            var x = $"x{_local++}";
            return $"if ({expr} is {{ }} {x}) {{ {write(x)} }} else w.WriteNullValue();";
        }

        /// <summary>The keys of a record, in the contract's order.</summary>
        private static List<Key> Keys(INamedTypeSymbol record)
        {
            var model = Members(record);
            // Settable properties and computed ones that name their key, in declaration order.
            var rest = model.Rest.Where(p => ModelMembers.Settable(p) || Find(p, "JsonNameAttribute") is not null);
            var keys = new List<Key>();
            foreach (var p in model.Arguments.Concat(rest))
            {
                if (Find(p, "JsonOmitAttribute") is not null) continue;
                var after = Text(Find(p, "JsonAfterAttribute"));
                var members = FindAll(p, "JsonMemberAttribute").ToList();
                if (members.Count > 0)
                {
                    foreach (var m in members) keys.Add(new Key { Name = Text(m)!, Property = p, Member = Text(m, 1), After = after });
                    continue;
                }
                if (Find(p.Type, "JsonOmitAttribute") is not null) continue;
                keys.Add(new Key { Name = Text(Find(p, "JsonNameAttribute")) ?? Snake(p.Name), Property = p, After = after });
            }
            foreach (var x in FindAll(record, "JsonExtraAttribute"))
            {
                var after = x.NamedArguments.FirstOrDefault(a => a.Key == "After").Value.Value as string;
                keys.Insert(0, new Key { Name = Text(x)!, Extra = Text(x, 1), After = after });
            }
            // Keys placed after another go right after it (and after any placed there before them).
            var ordered = keys.Where(k => k.After is null).ToList();
            foreach (var k in keys.Where(k => k.After is not null))
            {
                var anchor = ordered.FindLastIndex(x => x.Property?.Name == k.After);
                if (anchor < 0) throw new InvalidOperationException($"ModelJson: {record.Name}.{k.Name} is after {k.After}, which is not written");
                while (anchor + 1 < ordered.Count && ordered[anchor + 1].After == k.After) anchor++;
                ordered.Insert(anchor + 1, k);
            }
            return ordered;
        }

        private void EmitRecord(INamedTypeSymbol record)
        {
            var name = Name(record);
            _sb.AppendLine($"    partial void Begin({name} v);");
            _sb.AppendLine($"    public void Write({Writer} w, {name} v)");
            _sb.AppendLine("    {");
            _sb.AppendLine("        Begin(v);");
            _sb.AppendLine("        w.WriteStartObject();");
            foreach (var k in Keys(record))
            {
                if (k.Extra is not null)
                {
                    _sb.AppendLine($"        w.WritePropertyName({Encoded(k.Name)}); {k.Extra}(w, v);");
                    continue;
                }
                var p = k.Property!;
                var type = p.Type;
                var expr = "v." + p.Name;
                if (k.Member is not null)
                {
                    var member = type.GetMembers(k.Member).OfType<IPropertySymbol>().FirstOrDefault()
                        ?? throw new InvalidOperationException($"ModelJson: {Name(type)} has no member {k.Member}");
                    (type, expr) = (member.Type, $"{expr}.{member.Name}");
                }
                var write = $"w.WritePropertyName({Encoded(k.Name)}); {Value(type, expr, Text(Find(p, "JsonWithAttribute")))}";
                if (Text(Find(p, "JsonNullUnlessAttribute")) is { } unless)
                    write = $"w.WritePropertyName({Encoded(k.Name)}); if (v.{unless} is null) w.WriteNullValue(); else {{ {Value(type, expr, Text(Find(p, "JsonWithAttribute")))} }}";
                if (Find(p, "JsonOmitEmptyAttribute") is not null)
                {
                    var set = type.SpecialType == SpecialType.System_Boolean ? expr
                        : KindOf(type) == ModelKind.List ? $"{expr}.Count > 0"
                        : type.NullableAnnotation == NullableAnnotation.Annotated || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? $"{expr} is not null"
                        : throw new InvalidOperationException($"ModelJson: {record.Name}.{p.Name} cannot be empty");
                    write = $"if ({set}) {{ {write} }}";
                }
                _sb.AppendLine($"        {write}");
            }
            _sb.AppendLine("        w.WriteEndObject();");
            _sb.AppendLine("    }");
        }
    }

}
