using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// Where a derived attack happens: the attacked state's own country. A state without an ISO code (historic states)
/// or without a location entry gets a synthetic "own territory" location that names its holder by COW code, so the
/// engine's "territory of the target" check still works; such a location lies in no named region.
/// </summary>
public static class HomeLocation
{
    public static Location Of(Corpus corpus, State s)
    {
        if (s.Iso2 is { } iso2 && corpus.Locations.Find(iso2) is { } known) return known;
        var code = s.Iso2 ?? $"cow:{s.Cow}";
        return new Location(code, $"own territory of {s.Name}", code, s.Iso2 ?? "", "", double.NaN, double.NaN, false)
        {
            SovereignCow = s.Cow,
        };
    }
}
