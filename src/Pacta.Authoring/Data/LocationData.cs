using System.Globalization;
using System.Text.RegularExpressions;
using Pacta.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pacta.Authoring.Data;

/// <summary>
/// Reads the locations (<c>locations.csv</c>: ISO 3166-1 alpha-2 countries and territories and ISO 3166-2
/// subdivisions with country, sovereign, continent, approximate centre and island flag) and the named
/// regions (<c>regions.yaml</c>) into a <see cref="LocationIndex"/>.
/// </summary>
public static partial class LocationData
{
    public static readonly IReadOnlyList<string> LocationColumns =
        ["code", "name", "country", "sovereign", "continent", "latitude", "longitude", "island"];

    public static readonly IReadOnlyList<string> Continents =
        ["Africa", "Antarctica", "Asia", "Europe", "North America", "Oceania", "South America"];

    private static readonly string[] RegionKeys =
        ["id", "name", "include", "exclude", "continents", "north_of", "south_of", "islands_only", "note"];

    /// <summary>Loads locations and regions from the two files; malformed content raises <see cref="DataFileException"/>.</summary>
    public static LocationIndex Load(string locationsCsv, string regionsYaml)
    {
        using var locations = StateData.OpenText(locationsCsv);
        using var regions = StateData.OpenText(regionsYaml);
        return Parse(locations, locationsCsv, regions, regionsYaml);
    }

    /// <summary>Loads from the shipped data folder (see <see cref="DataPaths"/>).</summary>
    public static LocationIndex LoadDefault() => Load(DataPaths.LocationsCsv, DataPaths.RegionsYaml).WithSeaAir(SeaAirData.LoadDefault());

    public static LocationIndex Parse(TextReader locations, string locationsName, TextReader regions, string regionsName)
    {
        var list = ReadLocations(locations, locationsName);
        var codes = list.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        var regionList = ReadRegions(regions, regionsName, codes);
        return new LocationIndex(list, regionList);
    }

    private static List<Location> ReadLocations(TextReader reader, string file)
    {
        var table = CsvTable.Read(reader, file, LocationColumns);
        var list = new List<Location>();
        var rows = new Dictionary<string, CsvRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var code = row["code"].Trim();
            var sub = SubdivisionCode().IsMatch(code);
            if (!sub && !CountryCode().IsMatch(code))
                throw row.Error("code", $"'{code}' is not an ISO 3166-1 alpha-2 code (EE) or an ISO 3166-2 code (UA-43)");
            if (rows.TryGetValue(code, out var earlier)) throw row.Error("code", $"'{code}' is already listed on line {earlier.Line}");
            var name = row["name"].Trim();
            if (name.Length == 0) throw row.Error("name", "the name is empty");
            var country = row["country"].Trim();
            var expectedCountry = sub ? code[..2] : code;
            if (!string.Equals(country, expectedCountry, StringComparison.Ordinal))
                throw row.Error("country", $"the country of '{code}' must be '{expectedCountry}', not '{country}'");
            var sovereign = row["sovereign"].Trim();
            if (!CountryCode().IsMatch(sovereign)) throw row.Error("sovereign", $"'{sovereign}' is not an ISO 3166-1 alpha-2 code");
            var continent = row["continent"].Trim();
            if (!Continents.Contains(continent, StringComparer.Ordinal))
                throw row.Error("continent", $"'{continent}' is not a continent; use one of {string.Join(", ", Continents)}");
            var lat = ParseNumber(row, "latitude", -90, 90);
            var lon = ParseNumber(row, "longitude", -180, 180);
            var island = row["island"].Trim() switch
            {
                "true" => true,
                "false" => false,
                var other => throw row.Error("island", $"'{other}' is not true or false"),
            };
            rows[code] = row;
            list.Add(new Location(code, name, country, sovereign, continent, lat, lon, island));
        }
        // References between rows: a subdivision's country and every sovereign must be listed countries.
        foreach (var loc in list)
        {
            var row = rows[loc.Code];
            if (!rows.ContainsKey(loc.Country)) throw row.Error("country", $"country '{loc.Country}' is not listed in this file");
            if (!rows.TryGetValue(loc.Sovereign, out var sovRow) || SubdivisionCode().IsMatch(loc.Sovereign))
                throw row.Error("sovereign", $"sovereign '{loc.Sovereign}' is not a country listed in this file");
            _ = sovRow;
        }
        return list;
    }

    private static double ParseNumber(CsvRow row, string column, double min, double max)
    {
        var text = row[column].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw row.Error(column, $"'{text}' is not a number");
        if (value < min || value > max) throw row.Error(column, $"{column} {text} is outside {min}..{max}");
        return value;
    }

    private static List<Region> ReadRegions(TextReader reader, string file, IReadOnlyDictionary<string, Location> codes)
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
        if (stream.Documents.Count == 0) throw new DataFileException(file, 1, 1, "the file is empty; expected a list of regions");
        if (stream.Documents[0].RootNode is not YamlSequenceNode root)
            throw Error(file, stream.Documents[0].RootNode, "expected a list of regions (each '- id: ...')");

        var regions = new List<Region>();
        var refs = new List<(Region Region, YamlNode Node, string Item)>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in root.Children)
        {
            if (item is not YamlMappingNode map) throw Error(file, item, "expected a region (a mapping with id, name, include, ...)");
            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!RegionKeys.Contains(key, StringComparer.Ordinal))
                    throw Error(file, keyNode, $"unknown key '{key}'{Hint(key)}; a region has {string.Join(", ", RegionKeys)}");
                if (!values.TryAdd(key, valueNode)) throw Error(file, keyNode, $"key '{key}' appears twice");
            }
            var id = RequiredText(file, map, values, "id");
            if (!RegionId().IsMatch(id)) throw Error(file, values["id"], $"'{id}' is not a region id (lower-case words joined by '-')");
            if (seen.TryGetValue(id, out var first))
                throw Error(file, values["id"], $"region '{id}' is already defined on line {first.Start.Line}");
            seen[id] = values["id"];
            var name = RequiredText(file, map, values, "name");
            var include = TextList(file, values, "include");
            var exclude = TextList(file, values, "exclude");
            var continents = TextList(file, values, "continents");
            foreach (var (c, node) in continents)
            {
                if (!Continents.Contains(c, StringComparer.Ordinal))
                    throw Error(file, node, $"'{c}' is not a continent; use one of {string.Join(", ", Continents)}");
            }
            var northOf = Latitude(file, values, "north_of");
            var southOf = Latitude(file, values, "south_of");
            var islandsOnly = Bool(file, values, "islands_only");
            var note = values.TryGetValue("note", out var noteNode) ? ScalarText(file, noteNode, "note") ?? "" : "";
            var region = new Region(id, name, include.Select(x => x.Text).ToList(), exclude.Select(x => x.Text).ToList(),
                continents.Select(x => x.Text).ToList(), northOf, southOf, islandsOnly, note);
            regions.Add(region);
            foreach (var (text, node) in include.Concat(exclude)) refs.Add((region, node, text));
        }

        // Every item names a listed location or another region; region references must not form a cycle.
        var ids = regions.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (region, node, text) in refs)
        {
            if (text.StartsWith("region:", StringComparison.Ordinal))
            {
                var target = text["region:".Length..];
                if (!ids.ContainsKey(target)) throw Error(file, node, $"unknown region '{target}'");
            }
            else if (!codes.ContainsKey(text))
            {
                throw Error(file, node, $"unknown location '{text}' (an ISO 3166-1 alpha-2 or ISO 3166-2 code from the locations file, or region:ID)");
            }
        }
        foreach (var region in regions)
        {
            var cycle = FindCycle(region, ids, []);
            if (cycle is not null)
            {
                var at = refs.First(r => r.Region == region && r.Item.StartsWith("region:", StringComparison.Ordinal));
                throw Error(file, at.Node, $"regions refer to each other in a circle: {cycle}");
            }
        }
        return regions;
    }

    private static string? FindCycle(Region region, IReadOnlyDictionary<string, Region> ids, List<string> path)
    {
        if (path.Contains(region.Id, StringComparer.OrdinalIgnoreCase)) return string.Join(" -> ", path.Append(region.Id));
        path.Add(region.Id);
        foreach (var item in region.Include.Concat(region.Exclude).Where(i => i.StartsWith("region:", StringComparison.Ordinal)))
        {
            if (ids.TryGetValue(item["region:".Length..], out var next))
            {
                var found = FindCycle(next, ids, path);
                if (found is not null) return found;
            }
        }
        path.RemoveAt(path.Count - 1);
        return null;
    }

    private static string Hint(string key)
    {
        var best = RegionKeys.Select(k => (k, d: Suggest.Distance(key, k))).OrderBy(x => x.d).First();
        return best.d <= 2 ? $" (did you mean '{best.k}'?)" : "";
    }

    private static DataFileException Error(string file, YamlNode node, string detail) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, detail);

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "null" or "~" or "Null" or "NULL");

    private static string? ScalarText(string file, YamlNode node, string key)
    {
        if (node is not YamlScalarNode s) throw Error(file, node, $"'{key}' must be a single value");
        return IsNull(s) ? null : s.Value;
    }

    private static string RequiredText(string file, YamlMappingNode map, Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node)) throw Error(file, map, $"the region has no '{key}'");
        var text = ScalarText(file, node, key)?.Trim();
        if (string.IsNullOrEmpty(text)) throw Error(file, node, $"'{key}' is empty");
        return text;
    }

    private static List<(string Text, YamlNode Node)> TextList(string file, Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node)) return [];
        if (node is YamlScalarNode s && IsNull(s)) return [];
        if (node is not YamlSequenceNode seq) throw Error(file, node, $"'{key}' must be a list, e.g. [UA, UA-43]");
        var list = new List<(string, YamlNode)>();
        foreach (var child in seq.Children)
        {
            var text = ScalarText(file, child, key)?.Trim();
            if (string.IsNullOrEmpty(text)) throw Error(file, child, $"an item of '{key}' is empty");
            list.Add((text, child));
        }
        return list;
    }

    private static double? Latitude(string file, Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node)) return null;
        var text = ScalarText(file, node, key);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < -90 || v > 90)
            throw Error(file, node, $"'{key}' must be a latitude in degrees (-90..90) or null, not '{text}'");
        return v;
    }

    private static bool Bool(string file, Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node)) return false;
        return ScalarText(file, node, key) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw Error(file, node, $"'{key}' must be true or false, not '{other}'"),
        };
    }

    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex CountryCode();
    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")] private static partial Regex SubdivisionCode();
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex RegionId();
}
