using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta what-if</c>: which commitments an event triggers, which it breaks, and why the rest do not.</summary>
public static class WhatIfCommand
{
    public static Command Create()
    {
        var scenario = new ScenarioOptions();
        var explain = new Option<bool>("--explain") { Description = "Print the explanation trees, one per distinct reason" };
        var onlyAgreement = new Option<string[]>("--agreement") { Description = "With --explain: only items of this agreement (repeatable)", AllowMultipleArgumentsPerToken = false };
        var onlyState = new Option<string[]>("--state") { Description = "With --explain: only items that concern this state, as obligor, beneficiary or party (repeatable)", AllowMultipleArgumentsPerToken = false };
        var timeline = new Option<bool>("--timeline") { Description = "Print the deadlines in order as a timeline" };
        var format = new Option<string?>("--format") { Description = "Draw the timeline as svg or png (with --out)" };
        var output = new Option<string?>("--out") { Description = "File for --format svg|png (default: timeline.svg / timeline.png)" };
        var all = new Option<bool>("--all") { Description = "List every provision not triggered (default: those of agreements in force or assumed)" };
        var attributes = new Option<string[]>("--event-attribute")
        {
            Description = "What is known of the event, NAME=yes|no (repeatable; e.g. sustained=yes); unknown when not given",
            AllowMultipleArgumentsPerToken = false,
        };
        var cmd = new Command("what-if", "If ATTACKER attacks TARGET on DATE at LOCATION: triggered obligations, breaches, and why others do not trigger")
        {
            explain, onlyAgreement, onlyState, timeline, format, output, all, attributes,
        };
        cmd.Validators.Add(c =>
        {
            if (!c.GetValue(explain) && ((c.GetValue(onlyAgreement)?.Length ?? 0) > 0 || (c.GetValue(onlyState)?.Length ?? 0) > 0))
                c.AddError("--agreement and --state narrow the explanations: add --explain");
        });
        scenario.AddTo(cmd);
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var fmt = r.GetValue(format);
            if (fmt is not (null or "svg" or "png")) throw new PactaException($"--format: '{fmt}' must be svg or png");
            if (fmt is not null) CommonOptions.OutputFile(r.GetValue(output), "--out");
            var (e, assumptions, corpus) = scenario.ReadWithReadings(r, ws, r.GetValue(attributes));
            var filter = new WhatIfExplain.Filter(
                r.GetValue(onlyAgreement) is { Length: > 0 } ids ? ids.Select(id => ShowCommand.FindAgreement(ws.Corpus, id, "--agreement").Id).ToHashSet(StringComparer.Ordinal) : null,
                r.GetValue(onlyState) is { Length: > 0 } states ? states.Select(x => ws.ResolveState(x, "--state").Cow).ToHashSet() : null);
            var outcome = new Evaluator(corpus).Evaluate(e, assumptions);
            if (fmt is not null)
            {
                var path = r.GetValue(output) ?? $"timeline.{fmt}";
                Charts.TimelineChart.Write(outcome, path, fmt);
                // A chart is the output asked for: standard output names the file, it does not repeat the text.
                if (!r.GetValue(CommonOptions.Json)) { Console.WriteLine($"wrote {path}"); return ExitCodes.Ok; }
            }
            if (r.GetValue(CommonOptions.Json))
            {
                // Straight to standard output as UTF-8: the outcome is megabytes, not worth a string.
                Console.Out.Flush();
                using var stdout = Console.OpenStandardOutput();
                OutcomeJson.Write(stdout, corpus, outcome, OutcomeJson.Indented);
                stdout.Write(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
                return ExitCodes.Ok;
            }
            if (r.GetValue(timeline)) RenderTimeline(outcome);
            else if (r.GetValue(explain)) WhatIfExplain.Render(corpus, outcome, filter, r.GetValue(all));
            else Render(outcome, false, r.GetValue(all));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Code(State s) => s.Code;

    public static void Render(Outcome o, bool explain, bool all)
    {
        var e = o.Event;
        Output.Heading($"What if {e.Attacker.Name} ({Code(e.Attacker)}) — {Words.Of(e.Kind)} — {e.Target.Name} ({Code(e.Target)}) at {e.Location.Name} ({e.Location.Code}) on {e.Date:yyyy-MM-dd}{(e.Time is { } t ? $" {t:HH:mm} UTC" : "")}");
        foreach (var (name, value) in e.Attributes.Known) Output.Field("Event attribute", $"{name}: {(value ? "yes" : "no")}");
        foreach (var c in o.Assumptions.Ceasefires) Output.Field("Assumed ceasefire", $"{c.Conflict ?? "all open conflicts"} from {c.From:yyyy-MM-dd}");
        foreach (var a in o.Assumptions.Adopted) Output.Field("Assumed adopted", $"{a.Agreement}{(a.From is { } f ? $" from {f:yyyy-MM-dd}" : "")} (hypothetical)");
        foreach (var m in o.Assumptions.Members) Output.Field("Assumed member", $"COW {m.State} of {m.Of}{(m.From is { } f ? $" from {f:yyyy-MM-dd}" : "")}");

        ReadingsText.Fields(ReadingsMet(o, all));

        var answer = Answer.Of(o);
        RenderAnswer(answer);

        Output.SubHeading($"Triggered obligations ({o.Triggered.Count})");
        var rank = answer.Groups.Select((g, i) => (g, i)).ToDictionary(x => (x.g.Agreement.Id, x.g.Provision.Id), x => x.i);
        foreach (var group in o.Triggered.GroupBy(t => (t.Agreement.Id, t.Provision.Id)).OrderBy(g => rank[g.Key]))
        {
            var first = group.First();
            var dl = first.Deadline is { } d ? $"; deadline {Clock(d)}{(first.Obligation.Firmness == DeadlineFirmness.WherePossible ? " (where possible)" : "")}" : first.Obligation.Timing is { } tm ? $"; {tm}" : "";
            Output.Line();
            Output.Line($"{first.Agreement.Id} {first.Provision.Citation} — {Words.Of(first.Provision.Kind)}, {Words.Of(first.Obligation.Strength)}, {Words.Of(first.Agreement.Bindingness)}{dl}{(first.Hypothetical ? " [hypothetical]" : "")}{(first.Undecided ? " [undecided]" : "")}{Contested(first.Agreement, first.Provision)}");
            Output.Line($"  {first.Obligation.Action}");
            foreach (var u in first.UndecidedBy) Output.Line($"  {u}");
            Output.Line($"  obligors ({group.Count()}): {string.Join(", ", group.Select(t => Code(t.Obligor)))} → {string.Join(", ", group.Select(t => Code(t.Beneficiary)).Distinct())}");
            foreach (var c in first.Conditions) Output.Line($"  condition ({Words.Of(c.Kind)}): {c.Text}");
            if (explain) foreach (var item in group) Output.Line(Indent(ExplanationText.Render(item.Explanation)));
        }

        Output.SubHeading($"Breached by the attacker ({o.Breached.Count})");
        foreach (var b in o.Breached)
        {
            Output.Line($"{b.Agreement.Id} {b.Provision.Citation}: {b.Obligor.Name} breaks its promise to {b.Beneficiary.Name} — {b.Provision.Summary}");
            if (explain) Output.Line(Indent(ExplanationText.Render(b.Explanation)));
        }

        var shown = o.NotTriggered.Where(n => all || !n.Reason.Contains("not in force", StringComparison.Ordinal)).ToList();
        Output.SubHeading($"Not triggered ({o.NotTriggered.Count}{(shown.Count < o.NotTriggered.Count ? $"; {o.NotTriggered.Count - shown.Count} of agreements not in force hidden, see --all" : "")})");
        foreach (var n in shown)
        {
            Output.Line($"{n.Agreement.Id} {n.Provision.Citation}: {n.Reason}{Contested(n.Agreement, n.Provision)}");
            if (explain) Output.Line(Indent(ExplanationText.Render(n.Explanation)));
        }
    }

    /// <summary>The readings of contested clauses the outcome met, agreement by agreement.</summary>
    private static IEnumerable<(string Agreement, AppliedReading Reading)> ReadingsMet(Outcome o, bool all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // As the listing below: agreements not in force only with --all.
        var shown = o.NotTriggered.Where(n => all || !n.Reason.Contains("not in force", StringComparison.Ordinal)).Select(n => n.Agreement);
        foreach (var a in o.Triggered.Select(t => t.Agreement).Concat(shown).Where(a => a.Applied.Count > 0 && seen.Add(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal))
            foreach (var x in a.Applied) yield return (a.Id, x);
    }

    /// <summary>" [reading CLAUSE=READING]" for an item that depends on a contested clause.</summary>
    private static string Contested(Agreement a, Provision p)
    {
        if (a.Applied.Count == 0) return "";
        var list = ReadingChoices.DependsOn(a, p).Select(x => $"{x.Clause.Id}={x.Reading}").ToList();
        return list.Count == 0 ? "" : $" [reading {string.Join(", ", list)}]";
    }

    /// <summary>The answer first: per provision, the states it binds; ATOP data last, marked historical.</summary>
    private static void RenderAnswer(Answer answer)
    {
        Output.SubHeading($"Answer: {answer.States.Count} state(s) owe something");
        if (answer.Groups.Count == 0) Output.Line("No state owes anything for this event.");
        var historical = false;
        // Two provisions of one agreement may share a citation (one per action): then the action tells them apart.
        var shared = answer.Groups.GroupBy(g => (g.Agreement.Id, g.Provision.Citation)).Where(x => x.Count() > 1).Select(x => x.Key).ToHashSet();
        foreach (var g in answer.Groups)
        {
            if (g.Historical && !historical)
            {
                historical = true;
                Output.Line();
                Output.Line("From ATOP data (historical alliance data, coded up to 2018; may be out of date):");
            }
            var t = g.Lead;
            var when = t.Deadline is { } d ? $", by {Clock(d)}" : Answer.IsImmediate(t.Obligation) ? ", immediate (no hour limit)" : t.Obligation.Timing is { } tm ? $", {tm}" : "";
            var which = shared.Contains((g.Agreement.Id, g.Provision.Citation)) ? $" ({t.Obligation.Action})" : "";
            Output.Line($"{g.States.Count} state(s) under {g.Agreement.Id} {g.Provision.Citation}{which} — {Words.Of(g.Kind)}, {Words.Of(t.Obligation.Strength)}{when}{(t.Hypothetical ? " [hypothetical]" : "")}: {string.Join(", ", g.States.Select(Code))}");
        }
    }

    private static string Indent(string text) => string.Join('\n', text.TrimEnd('\n').Split('\n').Select(l => "    " + l));

    public static void RenderTimeline(Outcome o)
    {
        var items = Timeline.Of(o);
        Output.Heading($"Timeline after {o.Event.Attacker.Name} attacks {o.Event.Target.Name} at {o.Event.Instant.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        var open = o.Triggered.Where(t => t.Deadline is null).ToList();
        if (items.Count == 0 && open.Count == 0) { Output.Line("No obligation is triggered."); return; }
        if (items.Count == 0) Output.Line("No triggered obligation sets a deadline in hours.");
        foreach (var i in items)
        {
            Output.Line($"{Clock(i.Deadline)}  ({(i.Deadline == DateTimeOffset.MaxValue ? "past the calendar's end" : $"+{i.After.TotalHours:0} h")}{(i.WherePossible ? ", where possible" : "")})  {i.Label}");
            Output.Line($"    {string.Join(", ", i.Obligors)}{(i.Hypothetical ? "  [hypothetical]" : "")}");
        }
        // "Forthwith" and "immediately" bind from the event itself: they lead, apart from both the hour deadlines and the open-ended.
        OpenGroup("Immediately (the text says so, without an hour limit):", open.Where(t => Answer.IsImmediate(t.Obligation)));
        OpenGroup("Without a deadline in hours:", open.Where(t => !Answer.IsImmediate(t.Obligation)));
    }

    private static void OpenGroup(string title, IEnumerable<TriggeredObligation> triggered)
    {
        var groups = triggered.GroupBy(t => (t.Agreement.Id, t.Provision.Citation)).ToList();
        if (groups.Count == 0) return;
        Output.Line();
        Output.Line(title);
        foreach (var g in groups) Output.Line($"    {g.Key.Id} {g.Key.Citation}: {g.First().Obligation.Timing ?? "no time limit"} ({g.Select(t => t.Obligor.Cow).Distinct().Count()} obligor(s))");
    }

    /// <summary>A deadline as a UTC clock time; one past the calendar's end (saturated) reads "beyond 9999-12-31".</summary>
    private static string Clock(DateTimeOffset d) => d == DateTimeOffset.MaxValue ? "beyond 9999-12-31" : $"{d.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
}
