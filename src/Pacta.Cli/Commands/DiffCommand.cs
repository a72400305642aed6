using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Evaluation.Drafts;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta diff A B</c>: two versions of an agreement (files or corpus ids), field by field and provision by provision,
/// then what changes across the scenario battery (docs/drafts.md).
/// </summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "The earlier version: a draft file or a corpus agreement id" };
        var b = new Argument<string>("b") { Description = "The later version: a draft file or a corpus agreement id" };
        var cmd = new Command("diff", "Compare two versions of an agreement: the model field by field, then the outcomes across the scenario battery") { a, b, AssessCommand.BatteryOption };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var session = new PactaSession(CommonOptions.Workspace(r));
            var first = DraftInput.Load(session, r.GetValue(a)!);
            var second = DraftInput.Load(session, r.GetValue(b)!);
            var battery = BatteryFile.Load(r.GetValue(AssessCommand.BatteryOption), session.Corpus);
            var changes = ModelDiff.Agreements(first.Agreement, second.Agreement);
            // Both versions over the same scenarios (the union of their targets, places and attributes), under every
            // combination of the readings of the contested clauses either version has (at most 64, docs/drafts.md).
            IReadOnlyList<Pacta.Domain.Agreement> both = [first.Agreement, second.Agreement];
            var ra = AssessCommand.Assess(session, first.Agreement, battery, readings: true, both);
            var rb = AssessCommand.Assess(session, second.Agreement, battery, readings: true, both);
            var outcome = OutcomeDiff.Of(ra, rb);
            var byReading = OutcomeDiff.ByReading(ra, rb);
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(DraftDiffJson.Of(first.Agreement.Id, first.Shown, second.Agreement.Id, second.Shown, changes, outcome, byReading)));
                return ExitCodes.Ok;
            }
            Output.Heading($"{first.Shown} → {second.Shown}");
            if (changes.Count == 0) Output.Line("The model is the same (source positions aside).");
            foreach (var c in changes) Output.Line("  " + c);
            Output.Line();
            Output.Line($"Outcome {outcome}.");
            if (byReading.Count > 1)
            {
                Output.Line();
                Output.Line($"Per reading of the contested clauses ({byReading.Count} combinations):");
                foreach (var (_, label, d) in byReading)
                    Output.Line($"  {label}: {(d.Same ? $"the same outcome in all {d.Scenarios} scenarios" : d.ToString())}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
