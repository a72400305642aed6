using System.Globalization;
using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Files;
using Pacta.Authoring.Yaml;
using Pacta.Domain;
using Pacta.Evaluation.Drafts;

namespace Pacta.Workspace;

/// <summary>
/// Reads a scenario battery (docs/drafts.md). Every problem is an error naming the file, line and column; unknown keys
/// are errors with a did-you-mean, as in agreement files.
/// </summary>
public static class BatteryFile
{
    public static string DefaultPath => Path.Combine(PactaWorkspace.DataDir, "battery", "default.yaml");

    private static readonly string[] Keys = ["dates", "ceasefire", "kinds", "attackers", "attributes", "overseas", "places"];
    private static readonly string[] AttackerKeys = ["contiguity", "wars", "mids", "majors", "states"];

    public static Battery Load(string? path, Corpus corpus)
    {
        var file = path ?? DefaultPath;
        var shown = PactaWorkspace.DisplayPath(file);
        if (!File.Exists(file)) throw new PactaException($"{shown}: no such file");
        var diagnostics = new List<Diagnostic>();
        var text = InputFile.ReadText(file, shown, diagnostics)
            ?? throw new PactaException(string.Join('\n', diagnostics.Select(d => d.ToString())));
        return Parse(text, shown, corpus);
    }

    public static Battery Parse(string text, string shown, Corpus corpus)
    {
        YamlNode? root;
        try { root = YamlTreeParser.Parse(text); }
        catch (YamlSyntaxException e) { throw Error(shown, e.Line, e.Column, e.Message); }
        if (root is not YamlMapping map) throw Error(shown, root?.Line ?? 1, root?.Column ?? 1, "the battery must be a mapping of keys (dates, kinds, …)");
        CheckKeys(map, Keys, shown);

        var dates = List(Required(map, "dates", shown), shown).Select(n => Date(n, shown)).ToList();
        if (dates.Count == 0) throw Error(shown, map.Line, map.Column, "dates: give at least one day");
        DateOnly? ceasefire = map.Find("ceasefire")?.Value is { } c && !(c is YamlScalar { Value: "none" } || c is YamlScalar { IsNull: true }) ? Date(c, shown) : null;
        var kinds = List(Required(map, "kinds", shown), shown).Select(n =>
            Words.TryParse<TriggerKind>(Scalar(n, shown).Value, out var k) ? k
                : throw Error(shown, n.Line, n.Column, $"kinds: '{Scalar(n, shown).Value}' is not one of {string.Join(", ", Words.All<TriggerKind>())}")).ToList();
        if (kinds.Count == 0) throw Error(shown, map.Line, map.Column, "kinds: give at least one event kind");

        int contiguity = 1;
        bool wars = true, majors = true;
        int? midsFrom = FirstMidYear;
        var extra = new List<int>();
        if (map.Find("attackers")?.Value is { } an)
        {
            if (an is not YamlMapping am) throw Error(shown, an.Line, an.Column, "attackers must be a mapping (contiguity, wars, majors, states)");
            CheckKeys(am, AttackerKeys, shown);
            if (am.Find("contiguity")?.Value is { } cn)
            {
                var s = Scalar(cn, shown);
                if (!int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out contiguity) || contiguity > 5)
                    throw Error(shown, s.Line, s.Column, $"contiguity: '{s.Value}' must be a COW contiguity type from 0 (none) to 5");
            }
            if (am.Find("wars")?.Value is { } wn) wars = Bool(wn, shown);
            if (am.Find("mids")?.Value is { } md)
            {
                var s = Scalar(md, shown);
                midsFrom = s.Value switch
                {
                    "all" => FirstMidYear,
                    "none" or "false" or "no" => null,
                    var v when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= FirstMidYear && y <= 2100 => y,
                    var v => throw Error(shown, s.Line, s.Column, $"mids: '{v}' must be all, none or a first year from {FirstMidYear} (the GML data end in 2010)"),
                };
            }
            if (am.Find("majors")?.Value is { } mn) majors = Bool(mn, shown);
            if (am.Find("states")?.Value is { } sn)
                foreach (var n in List(sn, shown))
                {
                    var r = corpus.States.Resolve(Scalar(n, shown).Value);
                    extra.Add(r.State?.Cow ?? throw Error(shown, n.Line, n.Column, $"states: {r.Error}"));
                }
        }

        var vary = true;
        if (map.Find("attributes")?.Value is { } av)
        {
            var s = Scalar(av, shown);
            vary = s.Value switch
            {
                "vary" => true,
                "unknown" => false,
                _ => throw Error(shown, s.Line, s.Column, $"attributes: '{s.Value}' must be vary or unknown"),
            };
        }

        var places = new Dictionary<string, IReadOnlyList<PlaceClass>>(StringComparer.OrdinalIgnoreCase);
        if (map.Find("places")?.Value is { } pv)
        {
            if (pv is not YamlMapping pm) throw Error(shown, pv.Line, pv.Column, "places must be a mapping of country codes to location classes");
            foreach (var country in pm.Entries)
            {
                if (corpus.Locations.Find(country.Key.Value) is not { IsSubdivision: false, IsSeaAir: false })
                    throw Error(shown, country.Key.Line, country.Key.Column, $"places: '{country.Key.Value}' is not an ISO alpha-2 country code of data/locations");
                if (country.Value is not YamlMapping classes) throw Error(shown, country.Value.Line, country.Value.Column, $"places.{country.Key.Value} must map class names to lists of location codes");
                places[country.Key.Value] = [.. classes.Entries.Select(e => new PlaceClass(e.Key.Value, [.. List(e.Value, shown).Select(n =>
                {
                    var code = Scalar(n, shown).Value;
                    // A sea/air area belongs to no country: listed under one, it is that country's forces, vessels or aircraft there.
                    return corpus.Locations.Find(code) is { } l && (l.IsSeaAir || l.Country.Equals(country.Key.Value, StringComparison.OrdinalIgnoreCase)) ? l.Code
                        : throw Error(shown, n.Line, n.Column, $"places.{country.Key.Value}.{e.Key.Value}: '{code}' is not a location of {country.Key.Value} nor a sea/air area (sea-air:ID)");
                })]))];
            }
        }
        var overseas = map.Find("overseas")?.Value is not { } ov || Bool(ov, shown);
        return new Battery(dates, ceasefire, kinds, contiguity, wars, majors, extra, places, vary, midsFrom, overseas);
    }

    /// <summary>The first year of the GML MID data (and of the COW state system).</summary>
    public const int FirstMidYear = 1816;

    private static void CheckKeys(YamlMapping map, string[] allowed, string shown)
    {
        foreach (var e in map.Entries.Where(e => !allowed.Contains(e.Key.Value)))
            throw Error(shown, e.Key.Line, e.Key.Column, $"unknown key '{e.Key.Value}'{Suggest.DidYouMean(e.Key.Value, allowed)}");
    }

    private static YamlNode Required(YamlMapping map, string key, string shown) =>
        map.Find(key)?.Value ?? throw Error(shown, map.Line, map.Column, $"missing key '{key}'");

    private static IReadOnlyList<YamlNode> List(YamlNode node, string shown) =>
        node is YamlSequence s ? s.Items : throw Error(shown, node.Line, node.Column, "expected a list ([a, b])");

    private static YamlScalar Scalar(YamlNode node, string shown) =>
        node as YamlScalar ?? throw Error(shown, node.Line, node.Column, "expected a single value");

    private static bool Bool(YamlNode node, string shown) => Scalar(node, shown).Value switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var v => throw Error(shown, node.Line, node.Column, $"'{v}' must be true or false"),
    };

    private static DateOnly Date(YamlNode node, string shown)
    {
        var s = Scalar(node, shown);
        return DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1816
            ? d : throw Error(shown, s.Line, s.Column, $"'{s.Value}' is not a day YYYY-MM-DD from 1816 on");
    }

    private static PactaException Error(string shown, int line, int column, string message) => new($"{shown}:{line}:{column}: error: {message}");
}
