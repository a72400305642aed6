using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>What all agreements share for one event: the corpus, the location's holder on the day, the target as a list.</summary>
public sealed class EventScene
{
    public EventScene(Corpus corpus, Event e, Assumptions assumptions)
    {
        Corpus = corpus;
        Event = e;
        Assumptions = assumptions;
        TargetOnly = [e.Target.Cow];
        // Today's sovereign, unless the location names its holder (a historic state's home) or belonged to
        // another state on the day (divided Germany, the USSR …: data/locations/sovereignty.csv).
        var loc = e.Location;
        var states = corpus.States;
        Historical = loc.SovereignCow is null ? corpus.Locations.HistoricalHolders(loc, e.Date) : null;
        Sovereign = loc.SovereignCow is { } holder ? states.ByCow(holder)
            : Historical is { Count: > 0 } h ? states.ByCow(h.Contains(e.Target.Cow) ? e.Target.Cow : h[0])
            : states.ByIso2(loc.Sovereign);
    }

    private EventScene(EventScene scene, Event e)
    {
        Corpus = scene.Corpus;
        Event = e;
        Assumptions = scene.Assumptions;
        TargetOnly = scene.TargetOnly;
        Historical = scene.Historical;
        Sovereign = scene.Sovereign;
    }

    /// <summary>
    /// The scene of <paramref name="e"/>, an event with this one's target, day and place (another attacker, say):
    /// what the place decides is taken from this scene instead of being looked up again.
    /// </summary>
    public EventScene With(Event e) =>
        e.Target == Event.Target && e.Date == Event.Date && e.Location == Event.Location
            ? new EventScene(this, e)
            : throw new ArgumentException("another target, day or place", nameof(e));

    public Corpus Corpus { get; }
    public Event Event { get; }
    public Assumptions Assumptions { get; }
    public int[] TargetOnly { get; }
    public IReadOnlyList<int>? Historical { get; }
    public State? Sovereign { get; }

    public string Name(int cow) => Corpus.States.ByCow(cow)?.Name ?? $"COW {cow}";
}
