using System.Globalization;
using Pacta.Cli.Rendering;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Cli.Commands;

/// <summary>Human output of a cascade: assumptions first, then who is drawn in, by which path.</summary>
public static class CascadeText
{
    private static string Side(CascadeSide s) => s switch { CascadeSide.Attacker => "attacker", CascadeSide.Defender => "defender", _ => "—" };

    public static void Render(Event e, CascadeResult r)
    {
        Output.Heading($"Cascade: {e.Attacker.Name} ({e.Attacker.Code}) attacks {e.Target.Name} ({e.Target.Code}) at {e.Location.Name} ({e.Location.Code}) on {e.Date:yyyy-MM-dd}");
        foreach (var c in r.Assumptions.Ceasefires) Output.Field("Assumed ceasefire", $"{c.Conflict ?? "all open conflicts"} from {c.From:yyyy-MM-dd}");
        foreach (var a in r.Assumptions.Adopted) Output.Field("Assumed adopted", $"{a.Agreement}{(a.From is { } f ? $" from {f:yyyy-MM-dd}" : "")} (hypothetical)");
        foreach (var m in r.Assumptions.Members) Output.Field("Assumed member", $"COW {m.State} of {m.Of}{(m.From is { } f ? $" from {f:yyyy-MM-dd}" : "")}");
        Output.SubHeading("Assumptions the texts do not settle (change them with the options)");
        foreach (var (name, value, meaning) in r.Options.Describe()) Output.Line($"  {name} = {value}: {meaning}");

        var bell = r.Belligerents.ToList();
        Output.SubHeading($"Result: {bell.Count} belligerents ({r.Side(CascadeSide.Attacker).Count()} on the attacker's side, {r.Side(CascadeSide.Defender).Count()} on the defender's), " +
            $"{r.Supporters.Count()} supporters, {r.ConditionalJoiners.Count()} conditional joiner(s), {r.Consulting.Select(x => x.Obligor.Cow).Distinct().Count()} consulting; {r.Rounds} round(s){(r.Capped ? $" — capped at {r.Options.MaxRounds}" : ", fixed point reached")}");
        Output.Table(["state", "role", "side", "round", "drawn in by"], r.States.Select(s => (IReadOnlyList<string>)
        [
            $"{s.State.Code} {s.State.Name}",
            Words.Of(s.Role),
            Side(s.Side),
            s.Round.ToString(CultureInfo.InvariantCulture),
            s.Initial ? (s.Side == CascadeSide.Attacker ? "initial attacker" : "initial target")
                : s.Path.Count > 0 ? $"{s.Path[^1].Obligation.Agreement.Id} {s.Path[^1].Obligation.Provision.Citation} → {s.Path[^1].Obligation.Beneficiary.Code}"
                : s.CrossPressured ? "kept out: obligations to both sides"
                : s.KeptOutBy is { } k ? $"kept out: {k.Agreement.Id} {k.Provision.Citation} ({Words.Of(k.Kind)}) towards {k.Beneficiary.Code}" : "",
        ]));

        var joined = r.States.Where(s => s.Path.Count > 0).ToList();
        if (joined.Count > 0)
        {
            Output.SubHeading("Paths (each step: the attack, then the obligation it triggered)");
            foreach (var s in joined)
            {
                Output.Line($"{s.State.Code} ({Words.Of(s.Role)}, {Side(s.Side)}, round {s.Round}):");
                foreach (var step in s.Path)
                {
                    var c = step.Obligation;
                    Output.Line($"    round {step.Round}: {step.Attacker.Code} {(step.EventKind == TriggerKind.WarInvolvement ? "at war with" : "attacks")} {step.Target.Code} ({step.Location}) → " +
                        $"{c.Agreement.Id} {c.Provision.Citation} [{Words.Of(c.Kind)}, {Words.Of(c.Strength)}, {Words.Of(c.Bindingness)}{(c.Conditional ? ", conditional" : "")}{(c.Hypothetical ? ", hypothetical" : "")}]: {c.Obligor.Code} owes {c.Beneficiary.Code}{Escapes(c)}");
                }
            }
        }
        var conditional = r.ConditionalJoiners.ToList();
        if (conditional.Count > 0)
        {
            Output.SubHeading(r.Options.Conditional == ConditionalObligations.Report
                ? $"Conditional joiners: {conditional.Count} state(s) a promise would draw in only on a condition the facts cannot decide (not propagated; --conditional propagate draws them in)"
                : $"Conditional obligations ({conditional.Count} state(s); --conditional {Words.Of(r.Options.Conditional)})");
            foreach (var g in conditional)
            {
                Output.Line($"{g.Key.Code} ({Side(g.First().Side)}'s side):");
                foreach (var w in g) Output.Line($"    {Step(w.Step)}: {w.Reason}");
            }
        }
        var consulting = r.Consulting.GroupBy(x => x.Obligor).ToList();
        if (consulting.Count > 0)
        {
            Output.SubHeading($"Consulting: {consulting.Count} state(s) whose invoked obligations require talks, not support (no role in the war)");
            foreach (var g in consulting)
            {
                Output.Line($"{g.Key.Code} (with the {Side(g.First().Side)}'s side):");
                foreach (var x in g) Output.Line($"    {Step(x.Step)}");
            }
        }
        var notInvoked = r.Withheld.Where(w => w.Verdict == InvocationVerdict.NotInvoked).ToList();
        if (notInvoked.Count > 0)
        {
            Output.SubHeading($"Obligations triggered but not invoked on the facts ({notInvoked.Count})");
            foreach (var w in notInvoked) Output.Line($"{w.Obligor.Code}: {Step(w.Step)}: {w.Reason}");
        }
        var breaks = r.States.Where(s => s.Breached.Count > 0).ToList();
        if (breaks.Count > 0)
        {
            Output.SubHeading("Obligations breached by joining (fight-prevails)");
            foreach (var s in breaks)
                foreach (var b in s.Breached) Output.Line($"{s.State.Code} breaks {b.Agreement.Id} {b.Provision.Citation} ({Words.Of(b.Kind)}) towards {b.Beneficiary.Code}");
        }
        if (r.Breached.Count > 0)
        {
            Output.SubHeading("Obligations the attacker breaches");
            foreach (var b in r.Breached) Output.Line($"{b.Agreement.Id} {b.Provision.Citation}: {b.Obligor.Code} towards {b.Beneficiary.Code}");
        }
    }

    private static string Step(PathStep step)
    {
        var c = step.Obligation;
        return $"{step.Attacker.Code} {(step.EventKind == TriggerKind.WarInvolvement ? "at war with" : "attacks")} {step.Target.Code} ({step.Location}) → " +
            $"{c.Agreement.Id} {c.Provision.Citation} [{Words.Of(c.Kind)}]: {c.Obligor.Code} owes {c.Beneficiary.Code}";
    }

    /// <summary>The escape clauses of the obligation ("in accordance with its constitutional processes"), shown, never dropped.</summary>
    private static string Escapes(CascadeObligation c)
    {
        var escapes = c.Escapes.ToList();
        return escapes.Count == 0 ? "" : " — " + string.Join("; ", escapes.Select(x => $"{Words.Of(x.Kind)}: {x.Text}"));
    }

    private static string Pct(Estimate e) => $"{e.P * 100:0.0} % [{e.Low * 100:0.0}, {e.High * 100:0.0}]";

    public static void RenderMonteCarlo(MonteCarloResult m)
    {
        // The model that set the probabilities, and only that one: a fitted model does not use the preset.
        if (m.UsesPreset)
        {
            Output.SubHeading($"Monte Carlo: {m.Trials:N0} trials, seed {m.Seed}, join model {m.JoinModel}, preset {m.Model.Preset.Id}");
            Output.Line($"  {m.Model.Preset.Finding}");
            Output.Line($"  source: {m.Model.Preset.Citation}");
            foreach (var (k, v) in m.Model.ByAgreement) Output.Line($"  override: {k} = {v:0.###}");
            foreach (var (k, v) in m.Model.ByKind) Output.Line($"  override: {Words.Of(k)} = {v:0.###}");
            foreach (var (k, v) in m.Model.StrengthFactor) Output.Line($"  factor: strength {Words.Of(k)} × {v:0.###}");
            foreach (var (k, v) in m.Model.BindingnessFactor) Output.Line($"  factor: bindingness {Words.Of(k)} × {v:0.###}");
        }
        else
        {
            Output.SubHeading($"Monte Carlo: {m.Trials:N0} trials, seed {m.Seed}, join model {m.JoinModel} (one draw per state and side)");
            Output.Line($"  coefficients: {(m.Coefficients is { } f ? f.ToString() : "given in code")}");
            Output.Line("  the honour presets and --p overrides are not used");
        }
        Output.Line("  (95 % Wilson intervals in brackets)");
        Output.Table(["state", "P(belligerent)", "attacker side", "defender side", "P(supporter)"],
            m.States.Select(s => (IReadOnlyList<string>)[$"{s.State.Code} {s.State.Name}", Pct(s.DrawnIn), Pct(s.AttackerSide), Pct(s.DefenderSide), Pct(s.Supporter)]));
        Output.Line();
        foreach (var p in m.Pairs) Output.Line($"P({p.First.Code} and {p.Second.Code} at war with each other) = {Pct(p.AtWar)}");
        Output.Line($"P(a major power other than the attacker and the target drawn in) = {Pct(m.AnyMajorDrawnIn)}");
        Output.Line($"War size (belligerents): mean {m.MeanSize.Mean:0.00} [{m.MeanSize.Low:0.00}, {m.MeanSize.High:0.00}]");
        Output.Table(["belligerents", "P", "95 % interval"], m.SizeDistribution.Select((e, k) => (k, e)).Where(x => x.e.Hits > 0)
            .Select(x => (IReadOnlyList<string>)[x.k.ToString(CultureInfo.InvariantCulture), $"{x.e.P * 100:0.00} %", $"[{x.e.Low * 100:0.00}, {x.e.High * 100:0.00}]"]));
    }
}
