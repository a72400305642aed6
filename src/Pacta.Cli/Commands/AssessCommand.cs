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

    private static void Render(LoadedDraft loaded, IReadOnlyList<ScenarioResult> results)
    {
        var a = loaded.Agreement;
        Output.Heading($"Assessment of {a.Id} ({loaded.Shown}), assumed adopted: {results.Count} scenarios");
        Output.Field("Bindingness", Words.Of(a.Bindingness));
        Output.Field("Draft obliges", $"{results.Count(x => x.Draft.Count > 0)} scenarios ({results.Count(x => x.Draft.Count > 0 && x.Draft.All(d => d.Undecided))} only if undecided facts go the right way)");
        Output.Field("Gaps", $"{results.Count(x => x.Coverage == Coverage.Gap)} scenarios in which no one owes more than consultation; {results.Count(x => x.Coverage == Coverage.Undecided)} undecided");
        var best = results.Select(x => x.Additions.Count == 0 ? (Addition?)null : x.Additions.Min(a => a.What)).ToList();
        Output.Field("Adds", $"{best.Count(b => b is not null)} scenarios in which the draft adds to what is owed without it: a new obligor in {best.Count(b => b == Addition.Obligor)}, " +
            $"a stronger obligation in {best.Count(b => b == Addition.Stronger)}, a defence promise where only assistance or consultation was owed in {best.Count(b => b == Addition.Defense)}, " +
            $"only an earlier deadline in {best.Count(b => b == Addition.Sooner)}");
        Output.Line();
        var summary = ClassSummary.Of(results);
        // The readings' labels name agreement, provision and clause: too long for every row, so the rows give a key.
        Output.Line("Readings:");
        foreach (var k in summary.ReadingKeys) Output.Line($"  {k.Key}  {k.Label}");
        Output.Line();
        var rows = summary.Classes.Select(c => (IReadOnlyList<string>)[
                $"{c.Target}←{c.Attacker}",
                c.AttackerWhy,
                c.Ceasefire ? "yes" : "no",
                Words.Of(c.Kind),
                c.AttributeCase,
                c.Readings.Key,
                c.DraftText,
                $"{c.Gaps}/{c.Scenarios}",
                c.AddsText,
            ]).ToList();
        Output.Table(["target←attacker", "why", "ceasefire", "kind", "attributes", "readings", "draft obliges (scenarios)", "gaps", "adds"], rows,
            "Per scenario class (places and days together)");
        Output.Line();
        Output.Line("gaps: scenarios in which no one owes the target more than consultation; [undecided]: owed only if the unstated event attributes go the right way;");
        Output.Line("adds: +X a new obligor, X stronger (more than it owes without the draft), X defense (a promise to defend where at that strength it owed only assistance, sanctions or consultation), X sooner (the same strength by an earlier deadline).");
    }
}
