using System.Globalization;

namespace Pacta.Domain;

/// <summary>Outcome of resolving a user's text to a state.</summary>
public sealed record StateResolution(State? State, string? Error, IReadOnlyList<State> Candidates)
{
    public bool Ok => State is not null;
}

/// <summary>
/// All states Pacta knows, with lookup by COW number, COW letters, ISO3, ISO2 or an unambiguous English
/// name. Codes are tried before names; a name query that fits several states is an error that lists them.
/// </summary>
public sealed class StateRegistry
{
    private readonly Dictionary<int, State> _byCow = new();
    private readonly Dictionary<string, List<State>> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, State> _byName = new(StringComparer.OrdinalIgnoreCase);

    public StateRegistry(IEnumerable<State> states, IReadOnlyDictionary<string, int>? aliases = null)
    {
        var list = states.ToList();
        // A state without ISO code must not be labelled with another state's: COW's KOR (Joseon Korea) is South
        // Korea's ISO alpha-3, COW's CZE (Czechoslovakia) Czechia's. Those read "COW-KOR", "COW-CZE".
        var iso3 = list.Select(s => s.Iso3).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        list = list.Select(s => s.Iso3 is null && iso3.Contains(s.Cowc) ? s with { CowLabel = "COW-" + s.Cowc } : s).ToList();
        foreach (var s in list.OrderBy(s => s.Cow))
        {
            if (!_byCow.TryAdd(s.Cow, s)) throw new ArgumentException($"duplicate COW code {s.Cow}");
            AddCode(s.Cowc, s);
            if (s.Iso3 is not null) AddCode(s.Iso3, s);
            if (s.Iso2 is not null) AddCode(s.Iso2, s);
            if (s.CowLabel is not null) AddCode(s.CowLabel, s);
            _byName[Normalize(s.Name)] = s;
        }
        Aliases = aliases ?? new Dictionary<string, int>();
        foreach (var (alias, cow) in Aliases)
        {
            if (_byCow.TryGetValue(cow, out var s)) _byName.TryAdd(Normalize(alias), s);
        }
        All = _byCow.Values.OrderBy(s => s.Cow).ToList();
    }

    public IReadOnlyList<State> All { get; }

    /// <summary>The other names the registry was built with (alias → COW code).</summary>
    public IReadOnlyDictionary<string, int> Aliases { get; }

    public State? ByCow(int cow) => _byCow.GetValueOrDefault(cow);

    public State? ByIso2(string iso2) =>
        _byCode.TryGetValue(iso2, out var list) ? list.FirstOrDefault(s => string.Equals(s.Iso2, iso2, StringComparison.OrdinalIgnoreCase)) : null;

    private void AddCode(string code, State s)
    {
        if (!_byCode.TryGetValue(code, out var list)) _byCode[code] = list = [];
        if (!list.Contains(s)) list.Add(s);
    }

    private static string Normalize(string name) =>
        string.Join(' ', name.Trim().ToLowerInvariant().Replace('’', '\'').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public StateResolution Resolve(string? query)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0) return new(null, "a state is required", []);
        if (int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var cow))
        {
            return _byCow.TryGetValue(cow, out var byNumber)
                ? new(byNumber, null, [byNumber])
                : new(null, $"no state has COW code {cow}", []);
        }
        if (_byCode.TryGetValue(q, out var byCode))
        {
            // Prefer an exact ISO3 / COW-letters match over an ISO2 collision (e.g. "GRG" vs "GR").
            var exact = byCode.Where(s => q.Length == 3
                ? string.Equals(s.Iso3, q, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Cowc, q, StringComparison.OrdinalIgnoreCase)
                : string.Equals(s.Iso2, q, StringComparison.OrdinalIgnoreCase)).ToList();
            var pick = exact.Count > 0 ? exact : byCode;
            if (pick.Count == 1) return new(pick[0], null, pick);
            // COW letters and ISO3 can collide (e.g. COW "GRG" Georgia vs ISO3); prefer ISO3.
            var iso = pick.Where(s => string.Equals(s.Iso3, q, StringComparison.OrdinalIgnoreCase)).ToList();
            if (iso.Count == 1) return new(iso[0], null, iso);
            return new(null, $"'{q}' is ambiguous: {Describe(pick)}", pick);
        }
        var norm = Normalize(q);
        if (_byName.TryGetValue(norm, out var byName)) return new(byName, null, [byName]);
        var partial = All.Where(s => Normalize(s.Name).Contains(norm, StringComparison.Ordinal)).ToList();
        if (partial.Count == 1) return new(partial[0], null, partial);
        if (partial.Count > 1) return new(null, $"'{q}' is ambiguous: {Describe(partial)}", partial);
        var near = All
            .Select(s => (s, d: Suggest.Distance(norm, Normalize(s.Name))))
            .Where(x => x.d <= Math.Max(2, norm.Length / 3))
            .OrderBy(x => x.d).Take(5).Select(x => x.s).ToList();
        var hint = near.Count > 0 ? $"; did you mean {Describe(near)}?" : "";
        return new(null, $"unknown state '{q}'{hint}", near);
    }

    public static string Describe(IEnumerable<State> states) =>
        string.Join(", ", states.Take(8).Select(s => $"{s.Name} ({s.Code}, COW {s.Cow})"));
}
