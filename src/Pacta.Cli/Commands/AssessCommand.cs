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
            var session = new PactaSession(CommonOptions.Workspace(r));
            var loaded = DraftInput.Load(session, r.GetValue(draft)!);
            var battery = BatteryFile.Load(r.GetValue(BatteryOption), session.Corpus);
            var results = Assess(session, loaded.Agreement, battery, readings: true);
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(AssessmentJson.Of(loaded.Agreement.Id, loaded.Shown, results)));
                return ExitCodes.Ok;
            }
            Render(loaded, results);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Expands the battery for <paramref name="drafts"/> and assesses the first of them (progress on standard error when it is a terminal).</summary>
    public static IReadOnlyList<ScenarioResult> Assess(PactaSession session, Agreement agreement, Battery battery, bool readings, IReadOnlyList<Agreement>? drafts = null)
    {
        var scenarios = BatteryScenarios.Expand(battery, drafts ?? [agreement], session.Corpus, DraftInput.AttackerData(session), readings);
        var progress = ProgressReporter.Wanted ? new ProgressReporter($"assess {agreement.Id}", scenarios.Count) : null;
        var results = new DraftAssessment(agreement, session.Corpus).Run(scenarios, battery, progress is null ? null : n => progress.Report(n));
        progress?.Done();
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
        Output.Field("Adds", $"{results.Count(x => x.AddedObligations > 0)} scenarios in which the draft adds obligations over those in force");
        Output.Line();
        var rows = results.GroupBy(x => (x.Scenario.Target.Code, x.Scenario.Attacker.Code, x.Scenario.Ceasefire, x.Scenario.Kind, x.Scenario.AttributeCase, x.Scenario.ReadingText))
            .Select(g => (IReadOnlyList<string>)[
                $"{g.Key.Item1}←{g.Key.Item2}",
                g.First().Scenario.AttackerWhy,
                g.Key.Ceasefire ? "yes" : "no",
                Words.Of(g.Key.Kind),
                g.Key.AttributeCase,
                g.Key.ReadingText,
                g.Any(x => x.Draft.Count > 0) ? $"{Duties(g.SelectMany(x => x.Draft))} ({g.Count(x => x.Draft.Count > 0)}/{g.Count()})" : "-",
                $"{g.Count(x => x.Coverage == Coverage.Gap)}/{g.Count()}",
                g.SelectMany(x => x.AddedObligors).Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } added ? "+" + string.Join(", +", added) : "-",
            ]).ToList();
        Output.Table(["target←attacker", "why", "ceasefire", "kind", "attributes", "readings", "draft obliges (scenarios)", "gaps", "adds obligors"], rows,
            "Per scenario class (places and days together)");
        Output.Line();
        Output.Line("gaps: scenarios in which no one owes the target more than consultation; [undecided]: owed only if the unstated event attributes go the right way.");
    }
}
