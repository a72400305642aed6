using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// One agreement for one event: the agreement on the event's day as <see cref="BoundParties"/> resolves it (in
/// force, parties with assumed members, selectors, suspensions) and the event's scene. One allocation per
/// agreement and event on the what-if's hot path.
/// </summary>
public sealed class AgreementAtEvent : AgreementOnDay
{
    public AgreementAtEvent(EventScene scene, AgreementTerms terms) : base(terms, scene.Event.Date, scene.Assumptions) => Scene = scene;

    private AgreementAtEvent(AgreementAtEvent day, EventScene scene) : base(day) => Scene = scene;

    /// <summary>The agreement on the same day for <paramref name="scene"/>'s event (same day and assumptions): force and parties are shared.</summary>
    public AgreementAtEvent For(EventScene scene) =>
        scene.Event.Date == Day && ReferenceEquals(scene.Assumptions, Assumptions)
            ? new AgreementAtEvent(this, scene)
            : throw new ArgumentException("another day or other assumptions", nameof(scene));

    public EventScene Scene { get; }
    public Event Event => Scene.Event;

    /// <summary>The states the obligor selector names, without the target (see <see cref="AgreementOnDay.Obligors"/>).</summary>
    public List<(int State, PartyRole Role)> Obligors(Selector s)
    {
        var picked = new List<(int State, PartyRole Role)>();
        Obligors(s, Event.Target.Cow, picked);
        return picked;
    }

    private string? _inForceWords;

    /// <summary>Why the agreement is or is not in force on the day, worded once per agreement and event.</summary>
    public string InForceWords => _inForceWords ??= WordInForce();

    private string WordInForce()
    {
        var a = Agreement;
        var from = Adoption is { } ad ? ad.From ?? a.Dates.Signed : null;
        return Force switch
        {
            Force.InForce => $"{a.Id} is in force on {Day:yyyy-MM-dd} ({Terms.InForceSpan})",
            Force.Continued => $"{a.Id} is in force on {Day:yyyy-MM-dd} ({Terms.InForceSpan}) ({Words.Of(a.Origin).ToUpperInvariant()}'s coverage ends in {CoverageEnd!.Value.Year}; assumed still in force)",
            Force.Superseded => $"not in force: {a.Id} is superseded by {SupersededBy!.Id} from {SupersededFrom:yyyy-MM-dd}",
            Force.Adopted => $"{a.Id} is not in force ({WordCache.Of(a.Status)}) but assumed adopted from {(from is null ? "the start" : from.Value.ToString("yyyy-MM-dd"))} (hypothetical)",
            Force.AdoptedLater => $"not in force: {a.Id} is assumed adopted only from {from:yyyy-MM-dd}",
            Force.NeverInForce => $"not in force: {a.Id} never entered into force (status {WordCache.Of(a.Status)}); evaluate it with --assume-adopted",
            Force.NotYet => $"not in force: {a.Id} enters into force on {a.Dates.InForceOn:yyyy-MM-dd}",
            _ => $"not in force: {a.Id} ended on {a.Dates.LastDay:yyyy-MM-dd}{(a.Dates.EndsReason is { } r ? $" ({r})" : "")}",
        };
    }

    public string AssumedNote(int cow) => IsAssumedMember(cow) ? " (assumed member)" : "";

    /// <summary>" (becomes a party on D)" when the state becomes a party later — the usual reason for "not yet a member".</summary>
    public string NextEntry(int cow) =>
        Terms.NextEntry(cow, Day) is { } n ? $" (becomes a party on {n:yyyy-MM-dd})" : "";
}
