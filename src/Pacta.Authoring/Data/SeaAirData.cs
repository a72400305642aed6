using System.Text.RegularExpressions;
using Pacta.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pacta.Authoring.Data;

/// <summary>
/// Reads the sea/air areas (<c>data/locations/sea-air-areas.yaml</c>: id, name, the larger areas each lies within, a
/// note with its sources) that trigger scopes name as <c>sea-air:ID</c> and events take as their place.
/// </summary>
public static partial class SeaAirData
{
    private static readonly string[] Keys = ["id", "name", "within", "note"];

    /// <summary>Loads the file; malformed content raises <see cref="DataFileException"/> at the line and column.</summary>
    public static IReadOnlyList<SeaAirArea> Load(string path)
    {
        using var reader = StateData.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Loads from the shipped data folder.</summary>
    public static IReadOnlyList<SeaAirArea> LoadDefault() => Load(DataPaths.SeaAirYaml);

    public static IReadOnlyList<SeaAirArea> Parse(TextReader reader, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new DataFileException(file, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count == 0) throw new DataFileException(file, 1, 1, "the file is empty; expected a list of sea/air areas");
        if (stream.Documents[0].RootNode is not YamlSequenceNode root)
            throw Error(file, stream.Documents[0].RootNode, "expected a list of sea/air areas (each '- id: ...')");
        var areas = new List<SeaAirArea>();
        var refs = new List<(string Item, YamlNode Node)>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in root.Children)
        {
            if (item is not YamlMappingNode map) throw Error(file, item, "expected a sea/air area (a mapping with id, name, within, note)");
            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!Keys.Contains(key, StringComparer.Ordinal))
                    throw Error(file, keyNode, $"unknown key '{key}'; a sea/air area has {string.Join(", ", Keys)}");
                if (!values.TryAdd(key, valueNode)) throw Error(file, keyNode, $"key '{key}' appears twice");
            }
            var id = Text(file, map, values, "id");
            if (!AreaId().IsMatch(id)) throw Error(file, values["id"], $"'{id}' is not an area id (lower-case words joined by '-')");
            if (seen.TryGetValue(id, out var first)) throw Error(file, values["id"], $"sea/air area '{id}' is already defined on line {first.Start.Line}");
            seen[id] = values["id"];
            var within = new List<string>();
            if (values.TryGetValue("within", out var w) && !(w is YamlScalarNode { Value: null or "" or "null" or "[]" }))
            {
                if (w is not YamlSequenceNode seq) throw Error(file, w, "'within' must be a list of area ids, e.g. [pacific-ocean]");
                foreach (var c in seq.Children)
                {
                    if (c is not YamlScalarNode { Value: { Length: > 0 } v }) throw Error(file, c, "an item of 'within' must be an area id");
                    within.Add(v);
                    refs.Add((v, c));
                }
            }
            areas.Add(new SeaAirArea(id, Text(file, map, values, "name"), within, Text(file, map, values, "note")));
        }
        foreach (var (item, node) in refs)
            if (!seen.ContainsKey(item)) throw Error(file, node, $"unknown sea/air area '{item}' in 'within'");
        return areas;
    }

    private static string Text(string file, YamlMappingNode map, Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node)) throw Error(file, map, $"the sea/air area has no '{key}'");
        if (node is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value)) throw Error(file, node, $"'{key}' must be a non-empty value");
        return s.Value.Trim();
    }

    private static DataFileException Error(string file, YamlNode node, string detail) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, detail);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex AreaId();
}
