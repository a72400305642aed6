namespace Pacta.Domain;

/// <summary>Everything the engine reasons over: agreements, organizations, conflicts, states and locations.</summary>
public sealed class Corpus
{
    private readonly Dictionary<string, Agreement> _agreements;
    private readonly Dictionary<string, Organization> _organizations;
    private readonly Dictionary<string, Conflict> _conflicts;
    private BoundParties? _bound;

    public Corpus(
        IEnumerable<Agreement> agreements,
        IEnumerable<Organization> organizations,
        IEnumerable<Conflict> conflicts,
        StateRegistry states,
        LocationIndex locations)
    {
        _agreements = agreements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _organizations = organizations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _conflicts = conflicts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        States = states;
        Locations = locations;
        Agreements = _agreements.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        Organizations = _organizations.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
        Conflicts = _conflicts.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Agreement> Agreements { get; }
    public IReadOnlyList<Organization> Organizations { get; }
    public IReadOnlyList<Conflict> Conflicts { get; }
    public StateRegistry States { get; }
    public LocationIndex Locations { get; }

    public Agreement? Agreement(string id) => _agreements.GetValueOrDefault(id);
    public Organization? Organization(string id) => _organizations.GetValueOrDefault(id);
    public Conflict? Conflict(string id) => _conflicts.GetValueOrDefault(id);

    /// <summary>The resolver of who is bound by which agreement on a day, built on first use.</summary>
    public BoundParties Bound => LazyInitializer.EnsureInitialized(ref _bound, () => new BoundParties(this));

    /// <summary>A corpus with more agreements (e.g. imported ATOP alliances) added.</summary>
    public Corpus With(IEnumerable<Agreement> more) =>
        new(Agreements.Concat(more), Organizations, Conflicts, States, Locations);

    /// <summary>
    /// (<see cref="BoundParties"/>) The states that are parties of <paramref name="agreement"/> on <paramref name="day"/>, with their role:
    /// direct state parties within their own dates, plus the members of any party organization on that day.
    /// </summary>
    public IEnumerable<(int State, PartyRole Role, Party Party)> PartiesOn(Agreement agreement, DateOnly day)
    {
        foreach (var p in Bound.On(agreement, day, Assumptions.None).Parties) yield return (p.State, p.Role, p.Party!);
    }

    /// <summary>Every state that is ever a party (directly or through an organization), for "involves" filters.</summary>
    public IEnumerable<int> EverParties(Agreement agreement) => Bound.EverParties(agreement);
}
