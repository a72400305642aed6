namespace Pacta.Domain;

// How a model field appears in the agreement JSON (docs/model.md), read at compile time by
// Pacta.Generators.ModelJsonGenerator. Without an attribute a field is written under the snake_case of its name, in
// declaration order (constructor parameters, then settable properties), by its kind: so a field added to a model
// record reaches `pacta show --json` and /api/agreements/{id} with no edit. These attributes only say where the fixed
// contract's key names and order differ from that rule.

/// <summary>The field's key, where the contract's name is not the snake_case of the property's (<c>in_force</c> for InForceOn).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Not written. On a property: written elsewhere (a reading applied appears in its contested clause). On a type
/// (<see cref="Position"/>): not written unless a property says which members to write (<see cref="JsonMemberAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class JsonOmitAttribute : Attribute;

/// <summary>Written only when set: true, a non-empty list, not null. The contract leaves the key out otherwise.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonOmitEmptyAttribute : Attribute;

/// <summary>Written right after the named property (key order is part of the contract's bytes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonAfterAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

/// <summary>
/// Written as a member of its value under its own key, in the owner's object: a position's <c>file</c> or <c>line</c>,
/// a span's <c>from</c> and <c>to</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class JsonMemberAttribute(string name, string member) : Attribute
{
    public string Name { get; } = name;
    public string Member { get; } = member;
}

/// <summary>
/// Written by the JSON writer's method of this name, item by item: a state's code as a state object, a selector in
/// its words, a duration as ISO 8601 text, a contested clause with its readings.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class JsonWithAttribute(string method) : Attribute
{
    public string Method { get; } = method;
}

/// <summary>Null unless the named property is set: a deadline's firmness means nothing without a deadline.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonNullUnlessAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

/// <summary>
/// A key that is no field of the type but derived from it and its place (a provision's and an obligation's stable
/// id), written by the JSON writer's method <see cref="Method"/>; first, or after <see cref="After"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class JsonExtraAttribute(string name, string method) : Attribute
{
    public string Name { get; } = name;
    public string Method { get; } = method;
    public string? After { get; init; }
}
