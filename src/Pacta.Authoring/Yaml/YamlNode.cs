namespace Pacta.Authoring.Yaml;

/// <summary>
/// A YAML node with its position. Mappings keep every key/value pair in file order, duplicates included,
/// so the validator can report a duplicate key instead of the parser silently keeping one of them.
/// </summary>
public abstract record YamlNode(int Line, int Column);

public sealed record YamlScalar(string Value, bool Quoted, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>An unquoted <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => !Quoted && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}
