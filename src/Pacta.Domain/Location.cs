namespace Pacta.Domain;

/// <summary>
/// An ISO 3166-1 alpha-2 country/territory (<c>EE</c>, <c>GL</c>, <c>FK</c>) or an ISO 3166-2 subdivision
/// (<c>UA-43</c>, <c>US-HI</c>). <see cref="Country"/> is the alpha-2 code the location belongs to (itself for
/// a country); <see cref="Sovereign"/> the alpha-2 code of the state that holds it (<c>GL</c> → <c>DK</c>,
/// <c>FK</c> → <c>GB</c>). Latitude and longitude are approximate centres, enough for rules such as
/// "north of the Tropic of Cancer".
/// </summary>
public sealed record Location(
    string Code,
    string Name,
    string Country,
    string Sovereign,
    string Continent,
    double Latitude,
    double Longitude,
    bool Island)
{
    public bool IsSubdivision => Code.Contains('-') && !IsSeaAir;

    /// <summary>The prefix of a sea/air area's location code (<c>sea-air:mediterranean-sea</c>).</summary>
    public const string SeaAirPrefix = "sea-air:";

    /// <summary>
    /// True for a sea/air place (<see cref="SeaAirArea"/>): the event is an attack on the target's forces, vessels or
    /// aircraft at sea or in the air there, beyond any state's territory; such a place has no country or sovereign.
    /// </summary>
    public bool IsSeaAir => Code.StartsWith(SeaAirPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The COW code of the holder when it has no ISO code to put in <see cref="Sovereign"/> (a historic state's
    /// own territory, used by cascades); null for ordinary locations, whose holder is found by ISO code.
    /// </summary>
    public int? SovereignCow { get; init; }
}

/// <summary>
/// A named region defined as data: locations it includes (a country code includes its subdivisions),
/// locations it excludes, and optional rules on continent and latitude that every member must meet.
/// </summary>
public sealed record Region(
    string Id,
    string Name,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> Continents,
    double? NorthOf,
    double? SouthOf,
    bool IslandsOnly,
    string Note);

/// <summary>
/// A sea/air area: a named sea or ocean with the air space over it, beyond any state's territorial sea (a state's
/// territorial sea and air space count as its territory, the location of its own code). <see cref="Within"/> lists the
/// larger areas it lies wholly in (the South China Sea in the Pacific Ocean), so a scope that names the larger area
/// covers it. Defined as data in <c>data/locations/sea-air-areas.yaml</c>; a scope names one as <c>sea-air:ID</c>.
/// </summary>
public sealed record SeaAirArea(string Id, string Name, IReadOnlyList<string> Within, string Note)
{
    /// <summary>The area as an event's place: no country, no sovereign, code <c>sea-air:ID</c>.</summary>
    public Location ToLocation() => new(Location.SeaAirPrefix + Id, Name, "", "", "", 0, 0, false);
}

/// <summary>
/// A historical holder of a location: ISO codes name today's states, but on 1 August 1985 the territory
/// coded DE belonged to West or East Germany (COW 260, 265), not to Germany (COW 255).
/// </summary>
public sealed record SovereigntySpell(string Code, int State, DateSpan Span);

/// <summary>All locations and regions, with the membership test that trigger scopes use.</summary>
public sealed class LocationIndex
{
    private readonly Dictionary<string, Location> _byCode;
    private readonly Dictionary<string, Region> _regions;
    private readonly Dictionary<string, List<SovereigntySpell>> _holders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SeaAirArea> _seaAir;
    private readonly Dictionary<string, Location> _seaAirPlaces;

    public LocationIndex(IEnumerable<Location> locations, IEnumerable<Region> regions, IEnumerable<SovereigntySpell>? history = null,
        IEnumerable<SeaAirArea>? seaAir = null)
    {
        _byCode = locations.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        _regions = regions.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _seaAir = (seaAir ?? []).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        _seaAirPlaces = _seaAir.Values.ToDictionary(a => a.Id, a => a.ToLocation(), StringComparer.OrdinalIgnoreCase);
        foreach (var s in history ?? [])
        {
            if (!_holders.TryGetValue(s.Code, out var list)) _holders[s.Code] = list = [];
            list.Add(s);
        }
    }

    /// <summary>The same locations and regions with a history of holders.</summary>
    public LocationIndex WithHistory(IEnumerable<SovereigntySpell> history) => new(_byCode.Values, _regions.Values, history, _seaAir.Values);

    /// <summary>The same locations, regions and history with these sea/air areas.</summary>
    public LocationIndex WithSeaAir(IEnumerable<SeaAirArea> areas) => new(_byCode.Values, _regions.Values, History, areas);

    /// <summary>The location a historic state held on a day (GFR → DE in 1985), from the history of holders.</summary>
    public Location? HeldBy(int state, DateOnly day) =>
        _holders.Values.SelectMany(x => x).Where(s => s.State == state && s.Span.Contains(day))
            .Select(s => Find(s.Code)).FirstOrDefault(l => l is not null);

    /// <summary>
    /// The states that held the location on a day when that differs from today's sovereign (a subdivision
    /// inherits its country's history); null when today's sovereign applies.
    /// </summary>
    public IReadOnlyList<int>? HistoricalHolders(Location location, DateOnly day)
    {
        foreach (var code in new[] { location.Code, location.Country, location.Sovereign })
        {
            if (!_holders.TryGetValue(code, out var spells)) continue;
            var on = spells.Where(s => s.Span.Contains(day)).Select(s => s.State).ToList();
            if (on.Count > 0) return on;
        }
        return null;
    }

    public IReadOnlyCollection<Location> All => _byCode.Values;

    /// <summary>Every recorded historical holder (the input of <see cref="WithHistory"/>).</summary>
    public IEnumerable<SovereigntySpell> History => _holders.Values.SelectMany(x => x);
    public IReadOnlyCollection<Region> Regions => _regions.Values;

    /// <summary>The sea/air areas (<c>data/locations/sea-air-areas.yaml</c>).</summary>
    public IReadOnlyCollection<SeaAirArea> SeaAirAreas => _seaAir.Values;

    /// <summary>A location by ISO code, or a sea/air area's place by <c>sea-air:ID</c>.</summary>
    public Location? Find(string code) =>
        code.StartsWith(Location.SeaAirPrefix, StringComparison.OrdinalIgnoreCase)
            ? _seaAirPlaces.GetValueOrDefault(code[Location.SeaAirPrefix.Length..])
            : _byCode.GetValueOrDefault(code);
    public Region? FindRegion(string id) => _regions.GetValueOrDefault(id);
    public SeaAirArea? FindSeaAir(string id) => _seaAir.GetValueOrDefault(id);

    /// <summary>
    /// True when the sea/air area <paramref name="id"/> is <paramref name="scopeArea"/> or lies within it, following
    /// <see cref="SeaAirArea.Within"/> upwards (a cycle in the data cannot loop: each area is visited once).
    /// </summary>
    public bool SeaAirWithin(string id, string scopeArea)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var todo = new Stack<string>();
        todo.Push(id);
        while (todo.Count > 0)
        {
            var a = todo.Pop();
            if (!seen.Add(a)) continue;
            if (string.Equals(a, scopeArea, StringComparison.OrdinalIgnoreCase)) return true;
            if (_seaAir.TryGetValue(a, out var area)) foreach (var w in area.Within) todo.Push(w);
        }
        return false;
    }

    /// <summary>True when <paramref name="location"/> is <paramref name="code"/> or lies inside it.</summary>
    public static bool IsWithin(Location location, string code) =>
        !location.IsSeaAir && string.Equals(location.Code, code, StringComparison.OrdinalIgnoreCase) ||
        (!code.Contains('-') && string.Equals(location.Country, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Membership of a location in a scope item: a location code (<c>UA</c>, <c>UA-43</c>) or a region
    /// reference <c>region:ID</c>, or a sea/air area <c>sea-air:ID</c> (matched only by a place at sea or in the air in
    /// that area or one within it; land regions and codes never match such a place).
    /// </summary>
    public bool Matches(Location location, string item)
    {
        if (item.StartsWith(Location.SeaAirPrefix, StringComparison.Ordinal))
            return location.IsSeaAir && SeaAirWithin(location.Code[Location.SeaAirPrefix.Length..], item[Location.SeaAirPrefix.Length..]);
        if (location.IsSeaAir) return false;
        if (item.StartsWith("region:", StringComparison.Ordinal))
        {
            var region = FindRegion(item["region:".Length..]);
            return region is not null && InRegion(location, region);
        }
        return IsWithin(location, item);
    }

    public bool InRegion(Location location, Region region)
    {
        if (region.Exclude.Any(x => Matches(location, x))) return false;
        var listed = region.Include.Count == 0 || region.Include.Any(x => Matches(location, x));
        if (!listed) return false;
        if (region.Continents.Count > 0 && !region.Continents.Contains(location.Continent, StringComparer.OrdinalIgnoreCase)) return false;
        if (region.NorthOf is { } n && location.Latitude < n) return false;
        if (region.SouthOf is { } s && location.Latitude > s) return false;
        if (region.IslandsOnly && !location.Island) return false;
        return true;
    }
}
