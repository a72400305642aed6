using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>
/// A combination of readings as the class summary names it: a short key (R1, R2, … in the order the battery runs them,
/// defaults first) for the full label (<see cref="BatteryScenario.ReadingLabel"/>), which is too long to repeat on every row.
/// </summary>
public sealed record ReadingKey(string Key, string Readings, string Label);

/// <summary>The draft's duties in a scenario class that share obligor, strength, deadline and whether undecided facts decide them.</summary>
public sealed record ClassDuty(string Who, Strength Strength, Bindingness Bindingness, string? Deadline, bool Undecided, int Scenarios)
{
    /// <summary>In the reports' words: <c>USA consultative within PT24H [undecided]</c>.</summary>
    public string Text => $"{Who} {Words.Of(Strength)}{(Deadline is { } dl ? " within " + dl : "")}{(Undecided ? " [undecided]" : "")}";
}

/// <summary>
/// One scenario class of an assessment: the scenarios that differ only in place and day (target, attacker, ceasefire,
/// event kind, attribute case and readings the same). The rows of <c>pacta assess</c>'s table and of the assessment
/// JSON's <c>classes</c>, so the CLI, the API and the studio show the same thing.
/// </summary>
public sealed record ScenarioClass(
    string Target,
    string Attacker,
    string AttackerWhy,
    bool Ceasefire,
    TriggerKind Kind,
    string AttributeCase,
    ReadingKey Readings,
    int Scenarios,
    int DraftObliges,
    IReadOnlyList<ClassDuty> Draft,
    int Gaps,
    int Undecided,
    IReadOnlyList<(string Who, Addition What)> Adds)
{
    /// <summary>The draft's duties with how many scenarios oblige anyone under it: <c>USA consultative within PT24H (14/14)</c>, "-" for none.</summary>
    public string DraftText => Draft.Count == 0 ? "-" : $"{string.Join("; ", Draft.Select(d => d.Text))} ({DraftObliges}/{Scenarios})";

    /// <summary>Per obligor the most the draft adds in any scenario of the class: <c>+USA</c> a new obligor, <c>USA stronger</c>, <c>USA defense</c>, <c>USA sooner</c>; "-" for nothing.</summary>
    public string AddsText => Adds.Count == 0 ? "-" : string.Join(", ", Adds.Select(a => a.What == Addition.Obligor ? "+" + a.Who : $"{a.Who} {Words.Of(a.What)}"));
}

/// <summary>An assessment summed up per scenario class, with the reading keys its rows use.</summary>
public sealed record ClassSummary(IReadOnlyList<ReadingKey> ReadingKeys, IReadOnlyList<ScenarioClass> Classes)
{
    /// <summary>Groups <paramref name="results"/> by class, in the order the battery first runs each class.</summary>
    public static ClassSummary Of(IReadOnlyList<ScenarioResult> results)
    {
        ReadingKey[] ordered = [.. results.Select(r => r.Scenario).DistinctBy(s => s.ReadingText, StringComparer.Ordinal)
            .Select((s, i) => new ReadingKey($"R{i + 1}", s.ReadingText, s.ReadingLabel))];
        var keys = ordered.ToDictionary(k => k.Readings, StringComparer.Ordinal);
        var classes = results.GroupBy(x => (x.Scenario.Target.Code, x.Scenario.Attacker.Code, x.Scenario.Ceasefire, x.Scenario.Kind, x.Scenario.AttributeCase, x.Scenario.ReadingText))
            .Select(g =>
            {
                var first = g.First().Scenario;
                var n = g.Count();
                // Counted per scenario, so a duty two provisions give in the same scenario counts once.
                var draft = g.SelectMany(x => x.Draft.Select(d => (d.Who, d.Strength, d.Bindingness, d.Deadline, d.Undecided)).Distinct())
                    .GroupBy(d => d).Select(d => new ClassDuty(d.Key.Who, d.Key.Strength, d.Key.Bindingness, d.Key.Deadline, d.Key.Undecided, d.Count())).ToList();
                var adds = g.SelectMany(x => x.Additions).GroupBy(a => a.Who).OrderBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => (a.Key, a.Min(x => x.What))).ToList();
                return new ScenarioClass(first.Target.Code, first.Attacker.Code, first.AttackerWhy, first.Ceasefire, first.Kind, first.AttributeCase,
                    keys[first.ReadingText], n, g.Count(x => x.Draft.Count > 0), draft,
                    g.Count(x => x.Coverage == Coverage.Gap), g.Count(x => x.Coverage == Coverage.Undecided), adds);
            }).ToList();
        return new ClassSummary(ordered, classes);
    }
}
