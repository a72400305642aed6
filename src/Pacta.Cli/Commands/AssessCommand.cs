using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation.Drafts;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta assess FILE-OR-ID</c>: a draft (or a corpus agreement) run through a scenario battery with the draft assumed
/// adopted: who is obliged to what by when, the gaps, and what the draft adds over the agreements in force (docs/drafts.md).
/// </summary>
public static class AssessCommand
{
    public static readonly Option<string?> BatteryOption = new("--battery") { Description = "Scenario battery file (default: data/battery/default.yaml; format in docs/drafts.md)" };

    public static Command Create()
    {
        var draft = new Argument<string>("file-or-id") { Description = "A draft agreement file (YAML, as in corpus/agreements) or a corpus agreement id" };
        var cmd = new Command("assess", "Run a draft through a scenario battery: obligations, gaps and what it adds over the agreements in force") { draft, BatteryOption };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var timing = Timing.Start();
            var session = new PactaSession(CommonOptions.Workspace(r));
            var loaded = DraftInput.Load(session, r.GetValue(draft)!);
            timing.Lap("corpus and draft");
            var battery = BatteryFile.Load(r.GetValue(BatteryOption), session.Corpus);
            timing.Lap("battery read");
            var results = Assess(session, loaded.Agreement, battery, true, null, timing);
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(AssessmentJson.Of(loaded.Agreement.Id, loaded.Shown, results)));
                timing.Lap("written (JSON)");
                return ExitCodes.Ok;
            }
            Render(loaded, results);
            timing.Lap("rendered");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Expands the battery for <paramref name="drafts"/> and assesses the first of them (progress on standard error when it is a terminal).</summary>
    public static IReadOnlyList<ScenarioResult> Assess(PactaSession session, Agreement agreement, Battery battery, bool readings, IReadOnlyList<Agreement>? drafts = null) =>
        Assess(session, agreement, battery, readings, drafts, null);

    internal static IReadOnlyList<ScenarioResult> Assess(PactaSession session, Agreement agreement, Battery battery, bool readings, IReadOnlyList<Agreement>? drafts, Timing? timing)
    {
        var scenarios = BatteryScenarios.Expand(battery, drafts ?? [agreement], session.Corpus, DraftInput.AttackerData(session), readings);
        timing?.Lap($"battery expanded ({scenarios.Count} scenarios)");
        var progress = ProgressReporter.Wanted ? new ProgressReporter($"assess {agreement.Id}", scenarios.Count) : null;
        var assessment = new DraftAssessment(agreement, session.Corpus);
        timing?.Lap("evaluators built");
        var results = assessment.Run(scenarios, battery, progress is null ? null : n => progress.Report(n));
        progress?.Done();
        timing?.Lap($"scenarios evaluated ({assessment.BaselineCount} baselines)");
        return results;
    }

    private static string Duties(IEnumerable<DutyFound> duties) =>
        string.Join("; ", duties.GroupBy(d => (d.Who, d.Strength, d.Deadline, d.Undecided)).Select(g =>
            $"{g.Key.Who} {Words.Of(g.Key.Strength)}{(g.Key.Deadline is { } dl ? " within " + dl : "")}{(g.Key.Undecided ? " [undecided]" : "")}"));

    private static void Render(LoadedDraft loaded, IReadOnlyList<ScenarioResult> results)
    {
        var a = loaded.Agreement;
        Output.Heading($"Assessment of {a.Id} ({loaded.Shown}), assumed adopted: {results.Count} scenarios");
        Output.Field("Bindingness", Words.Of(a.Bindingness));
        Output.Field("Draft obliges", $"{results.Count(x => x.Draft.Count > 0)} scenarios ({results.Count(x => x.Draft.Count > 0 && x.Draft.All(d => d.Undecided))} only if undecided facts go the right way)");
        Output.Field("Gaps", $"{results.Count(x => x.Coverage == Coverage.Gap)} scenarios in which no one owes more than consultation; {results.Count(x => x.Coverage == Coverage.Undecided)} undecided");
        var best = results.Select(x => x.Additions.Count == 0 ? (Addition?)null : x.Additions.Min(a => a.What)).ToList();
        Output.Field("Adds", $"{best.Count(b => b is not null)} scenarios in which the draft adds to what is owed without it: a new obligor in {best.Count(b => b == Addition.Obligor)}, " +
            $"a stronger obligation in {best.Count(b => b == Addition.Stronger)}, only an earlier deadline in {best.Count(b => b == Addition.Sooner)}");
        Output.Line();
        var rows = results.GroupBy(x => (x.Scenario.Target.Code, x.Scenario.Attacker.Code, x.Scenario.Ceasefire, x.Scenario.Kind, x.Scenario.AttributeCase, x.Scenario.ReadingText))
            .Select(g => (IReadOnlyList<string>)[
                $"{g.Key.Item1}←{g.Key.Item2}",
                g.First().Scenario.AttackerWhy,
                g.Key.Ceasefire ? "yes" : "no",
                Words.Of(g.Key.Kind),
                g.Key.AttributeCase,
                g.First().Scenario.ReadingLabel,
                g.Any(x => x.Draft.Count > 0) ? $"{Duties(g.SelectMany(x => x.Draft))} ({g.Count(x => x.Draft.Count > 0)}/{g.Count()})" : "-",
                $"{g.Count(x => x.Coverage == Coverage.Gap)}/{g.Count()}",
                Adds(g),
            ]).ToList();
        Output.Table(["target←attacker", "why", "ceasefire", "kind", "attributes", "readings", "draft obliges (scenarios)", "gaps", "adds"], rows,
            "Per scenario class (places and days together)");
        Output.Line();
        Output.Line("gaps: scenarios in which no one owes the target more than consultation; [undecided]: owed only if the unstated event attributes go the right way;");
        Output.Line("adds: +X a new obligor, X stronger (more than it owes without the draft), X sooner (the same strength by an earlier deadline).");
    }

    /// <summary>Per obligor, the most the draft adds in any scenario of the class, with how many scenarios.</summary>
    private static string Adds(IEnumerable<ScenarioResult> group)
    {
        var all = group.SelectMany(x => x.Additions).GroupBy(a => a.Who).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Min(a => a.What) switch
            {
                Addition.Obligor => "+" + g.Key,
                var w => $"{g.Key} {Words.Of(w)}",
            }).ToList();
        return all.Count == 0 ? "-" : string.Join(", ", all);
    }
}
