using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>One scenario of a battery: an event with the assumptions and readings it is evaluated under.</summary>
public sealed record BatteryScenario(
    State Target,
    State Attacker,
    string AttackerWhy,
    string PlaceClass,
    Location Place,
    DateOnly Date,
    bool Ceasefire,
    TriggerKind Kind,
    string AttributeCase,
    EventAttributes Attributes,
    IReadOnlyList<ReadingChoice> Readings)
{
    /// <summary>The scenario class: everything but the day.</summary>
    public string ClassKey => $"{Target.Code}|{Attacker.Code}|{PlaceClass}:{Place.Code}|{(Ceasefire ? "ceasefire" : "war")}|{Words.Of(Kind)}|{AttributeCase}|{ReadingText}";

    public string ReadingText => Readings.Count == 0 ? "default" : string.Join(", ", Readings.Select(r => $"{r.Clause}={r.Reading}"));

    /// <summary>
    /// The readings in words, each naming its agreement, provision and clause (<see cref="BatteryScenarios.ReadingLabel"/>):
    /// <see cref="ReadingText"/> alone repeats "post-war-gate=…" once per provision that has the clause.
    /// </summary>
    public string ReadingLabel
    {
        get => _readingLabel ?? ReadingText;
        init => _readingLabel = value;
    }

    private readonly string? _readingLabel;

    /// <summary>A stable key for pairing the same scenario across two versions of a draft.</summary>
    public string Key => $"{ClassKey}|{Date:yyyy-MM-dd}";
}
