using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Pacta.Generators;

/// <summary>
/// The kinds of value the model is made of. Both generators (the snapshot codec and the agreement JSON) classify a
/// type by <see cref="ModelTypes.KindOf"/> and write code per kind, so a new kind of field is recognised here once and
/// then fails the build in each generator that has no code for it yet, instead of being taken for a record.
/// </summary>
internal enum ModelKind
{
    /// <summary>Not a kind of the model: an array, a <c>List&lt;T&gt;</c>, an interface, any other collection.</summary>
    Unknown,
    Int32,
    Int64,
    Boolean,
    Double,
    Decimal,
    Byte,
    String,
    Date,
    Enum,
    /// <summary>A nullable value type (<c>T?</c> of a struct); its part is the inner type.</summary>
    Nullable,
    /// <summary><c>IReadOnlyList&lt;T&gt;</c>; its part is the item type.</summary>
    List,
    /// <summary><c>IReadOnlyDictionary&lt;K, V&gt;</c>; its parts are the key and value types.</summary>
    Dictionary,
    /// <summary>A class or struct read through its constructor and properties (<see cref="ModelTypes.Members"/>).</summary>
    Record,
}

/// <summary>
/// The members of a record as the model defines them: the widest public constructor's parameters (each the public
/// property of the same name), then every other public instance property in declaration order, settable or computed.
/// </summary>
internal sealed class ModelMembers
{
    public ModelMembers(IReadOnlyList<IPropertySymbol> arguments, IReadOnlyList<IPropertySymbol> rest)
    {
        Arguments = arguments;
        Rest = rest;
    }

    public IReadOnlyList<IPropertySymbol> Arguments { get; }

    public IReadOnlyList<IPropertySymbol> Rest { get; }

    /// <summary>A property with a public setter (<c>init</c> or <c>set</c>): a field of the record, not computed from others.</summary>
    public static bool Settable(IPropertySymbol p) => p.SetMethod is { DeclaredAccessibility: Accessibility.Public };
}

/// <summary>How both generators see a model type: its name in generated code, its kind, its parts and its members.</summary>
internal static class ModelTypes
{
    /// <summary>The fully qualified name, without a nullable reference's <c>?</c>.</summary>
    public static string Name(ITypeSymbol t) => Plain(t).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The type without a nullable reference's annotation: <c>Selector?</c> and <c>Selector</c> are one type.</summary>
    public static ITypeSymbol Plain(ITypeSymbol t) => t.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    /// <summary>A reference the model declares nullable (<c>string?</c>, <c>Selector?</c>); a nullable struct is <see cref="ModelKind.Nullable"/>.</summary>
    public static bool MayBeNull(ITypeSymbol t) => !t.IsValueType && t.NullableAnnotation == NullableAnnotation.Annotated;

    public static bool IsNamed(ITypeSymbol t, string ns, string name) =>
        t.Name == name && t.ContainingNamespace?.ToDisplayString() == ns;

    public static ModelKind KindOf(ITypeSymbol t)
    {
        switch (t.SpecialType)
        {
            case SpecialType.System_Int32: return ModelKind.Int32;
            case SpecialType.System_Int64: return ModelKind.Int64;
            case SpecialType.System_Boolean: return ModelKind.Boolean;
            case SpecialType.System_Double: return ModelKind.Double;
            case SpecialType.System_Decimal: return ModelKind.Decimal;
            case SpecialType.System_Byte: return ModelKind.Byte;
            case SpecialType.System_String: return ModelKind.String;
        }
        if (IsNamed(t, "System", "DateOnly")) return ModelKind.Date;
        if (t.TypeKind == TypeKind.Enum) return ModelKind.Enum;
        if (t is not INamedTypeSymbol named) return ModelKind.Unknown;
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return ModelKind.Nullable;
        if (IsGeneric(named, "IReadOnlyList")) return ModelKind.List;
        if (IsGeneric(named, "IReadOnlyDictionary")) return ModelKind.Dictionary;
        if (t.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsGeneric(named, "IEnumerable")
            || t.AllInterfaces.Any(i => IsNamed(i, "System.Collections", "IEnumerable")))
            return ModelKind.Unknown;
        return ModelKind.Record;
    }

    /// <summary>What a <see cref="ModelKind.Nullable"/>, <see cref="ModelKind.List"/> or <see cref="ModelKind.Dictionary"/> holds.</summary>
    public static ImmutableArray<ITypeSymbol> Parts(ITypeSymbol t) => ((INamedTypeSymbol)t).TypeArguments;

    public static ModelMembers Members(INamedTypeSymbol record)
    {
        var constructor = record.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, record)))
            .OrderByDescending(c => c.Parameters.Length).First();
        var properties = record.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.Name != "EqualityContract").ToList();
        var arguments = constructor.Parameters.Select(p => properties.Single(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        return new ModelMembers(arguments, properties.Where(p => !arguments.Contains(p, SymbolEqualityComparer.Default)).ToList());
    }

    private static bool IsGeneric(INamedTypeSymbol t, string name) =>
        t.IsGenericType && IsNamed(t.OriginalDefinition, "System.Collections.Generic", name);
}

/// <summary>
/// The types a generator reaches from its root, each numbered in the order first reached (a nullable reference and
/// its plain type are one), and handed out in that order to be emitted: a generator's code for a type reaches the
/// types it needs, which are then emitted in turn.
/// </summary>
internal sealed class TypeWalk
{
    private readonly Dictionary<ITypeSymbol, int> _ids = new(SymbolEqualityComparer.Default);
    private readonly Queue<ITypeSymbol> _todo = new();

    /// <summary>The number of <paramref name="t"/>, queueing it when first reached.</summary>
    public int Reach(ITypeSymbol t)
    {
        t = ModelTypes.Plain(t);
        if (_ids.TryGetValue(t, out var id)) return id;
        id = _ids.Count;
        _ids[t] = id;
        _todo.Enqueue(t);
        return id;
    }

    /// <summary>The next type reached but not yet handed out, with its number.</summary>
    public bool Next(out ITypeSymbol type, out int id)
    {
        if (_todo.Count == 0)
        {
            type = null!;
            id = -1;
            return false;
        }
        type = _todo.Dequeue();
        id = _ids[type];
        return true;
    }
}
