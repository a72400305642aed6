using System.Text.RegularExpressions;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>what-if --explain</c>: one explanation tree per distinct reason, not one per item. Triggered obligations of
/// one provision whose trees differ only in the obligor's name (NATO Art. 5 for 31 allies) share one tree; breaches
/// likewise by beneficiary; provisions not triggered are grouped by their reason. <c>--agreement</c> and
/// <c>--state</c> narrow the items first.
/// </summary>
public static class WhatIfExplain
{
    /// <summary>Items to explain: of these agreements (null: all) and concerning these states (null: all).</summary>
    public sealed record Filter(IReadOnlySet<string>? Agreements, IReadOnlySet<int>? States);

    private const int Listed = 12;

    public static void Render(Corpus corpus, Outcome o, Filter f, bool all)
    {
        var e = o.Event;
        Output.Heading($"What if {e.Attacker.Name} ({e.Attacker.Code}) — {Words.Of(e.Kind)} — {e.Target.Name} ({e.Target.Code}) at {e.Location.Name} ({e.Location.Code}) on {e.Date:yyyy-MM-dd}{(e.Time is { } t ? $" {t:HH:mm} UTC" : "")}");
        foreach (var c in o.Assumptions.Ceasefires) Output.Field("Assumed ceasefire", $"{c.Conflict ?? "all open conflicts"} from {c.From:yyyy-MM-dd}");
        foreach (var a in o.Assumptions.Adopted) Output.Field("Assumed adopted", $"{a.Agreement}{(a.From is { } from ? $" from {from:yyyy-MM-dd}" : "")} (hypothetical)");
        foreach (var m in o.Assumptions.Members) Output.Field("Assumed member", $"COW {m.State} of {m.Of}{(m.From is { } from ? $" from {from:yyyy-MM-dd}" : "")}");
        if (f.Agreements is { } ids) Output.Field("Only agreements", string.Join(", ", ids));
        if (f.States is { } states) Output.Field("Only states", string.Join(", ", states.Select(s => corpus.States.ByCow(s)?.Code ?? $"COW {s}")));

        bool Of(Agreement a) => f.Agreements is null || f.Agreements.Contains(a.Id);
        bool Concerns(params State[] s) => f.States is null || s.Any(x => f.States.Contains(x.Cow));

        // In the answer's order (defence first, hand-encoded before ATOP data), as the default output.
        var triggered = o.Triggered.Where(t => Of(t.Agreement) && Concerns(t.Obligor, t.Beneficiary)).Order(Answer.Order).ToList();
        var groups = Group(triggered, t => (t.Agreement.Id, t.Provision.Id), t => t.Explanation, t => t.Obligor);
        Output.SubHeading($"Triggered obligations ({triggered.Count}; {groups.Count} distinct tree(s))");
        foreach (var g in groups)
        {
            var first = g[0];
            Output.Line();
            var obligors = g.Select(t => t.Obligor.Code).Distinct().ToList();
            var beneficiaries = g.Select(t => t.Beneficiary.Code).Distinct().ToList();
            Output.Line($"{first.Agreement.Id} {first.Provision.Citation} — {Words.Of(first.Provision.Kind)}, {Words.Of(first.Obligation.Strength)}{(first.Hypothetical ? " [hypothetical]" : "")}: "
                + $"obligors ({obligors.Count}): {Few(obligors)} → {Few(beneficiaries)}");
            if (g.Count > 1) Output.Line($"  the same checks for each; shown for {first.Obligor.Name}");
            Output.Line(Indent(ExplanationText.Render(first.Explanation)));
        }

        var breached = o.Breached.Where(b => Of(b.Agreement) && Concerns(b.Obligor, b.Beneficiary)).ToList();
        var breaches = Group(breached, b => (b.Agreement.Id, b.Provision.Id), b => b.Explanation, b => b.Beneficiary);
        Output.SubHeading($"Breached by the attacker ({breached.Count}; {breaches.Count} distinct tree(s))");
        foreach (var g in breaches)
        {
            var first = g[0];
            Output.Line($"{first.Agreement.Id} {first.Provision.Citation}: {first.Obligor.Name} breaks its promise to {Few(g.Select(b => b.Beneficiary.Name).Distinct().ToList())}");
            if (g.Count > 1) Output.Line($"  the same checks for each; shown for {first.Beneficiary.Name}");
            Output.Line(Indent(ExplanationText.Render(first.Explanation)));
        }

        var candidates = o.NotTriggered.Where(n => Of(n.Agreement) && (f.States is null || corpus.EverParties(n.Agreement).Any(f.States.Contains))).ToList();
        var shown = candidates.Where(n => all || !n.Reason.Contains("not in force", StringComparison.Ordinal)).ToList();
        var reasons = shown.Select((n, i) => (n, i)).GroupBy(x => x.n.Reason)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().i).ToList();
        var hidden = candidates.Count - shown.Count;
        Output.SubHeading($"Not triggered ({shown.Count}{(hidden > 0 ? $"; {hidden} of agreements not in force hidden, see --all" : "")}; {reasons.Count} distinct reason(s))");
        foreach (var g in reasons)
        {
            // Several provisions may share a citation (one per obligation row): name each once, with a count.
            var items = g.Select(x => $"{x.n.Agreement.Id} {x.n.Provision.Citation}").ToList();
            var names = items.GroupBy(x => x).Select(x => x.Count() > 1 ? $"{x.Key} (×{x.Count()})" : x.Key).ToList();
            Output.Line();
            Output.Line($"{g.Key} — {items.Count} provision(s): {Few(names)}");
            if (items.Count > 1) Output.Line($"  the same reason for each; shown for {items[0]}{(names.Count > Listed ? " (--agreement ID narrows the list)" : "")}");
            Output.Line(Indent(ExplanationText.Render(g.First().n.Explanation)));
        }
    }

    /// <summary>At most a dozen names, then "… and N more".</summary>
    private static string Few(IReadOnlyList<string> items) =>
        items.Count <= Listed ? string.Join(", ", items) : $"{string.Join(", ", items.Take(Listed))} … and {items.Count - Listed} more";

    /// <summary>
    /// Items of one provision whose trees are the same but for one state's name: an item joins a group when the
    /// group's first tree, with that state's name put in place of the first item's, reads exactly as its own. (A
    /// plain "replace the name by a placeholder" would also replace "France" in Art. 6's note on Algeria.)
    /// </summary>
    private static List<List<T>> Group<T>(IEnumerable<T> items, Func<T, (string, string)> key, Func<T, Explanation> tree, Func<T, State> who)
    {
        var groups = new List<(List<T> Items, string Text)>();
        var byKey = new Dictionary<(string, string), List<int>>();
        foreach (var item in items)
        {
            var text = ExplanationText.Render(tree(item));
            var k = key(item);
            if (!byKey.TryGetValue(k, out var candidates)) byKey[k] = candidates = [];
            var found = candidates.FirstOrDefault(g => Swap(groups[g].Text, who(groups[g].Items[0]).Name, who(item).Name) == text, -1);
            if (found >= 0) { groups[found].Items.Add(item); continue; }
            candidates.Add(groups.Count);
            groups.Add(([item], text));
        }
        return groups.Select(g => g.Items).ToList();
    }

    private static string Swap(string text, string from, string to) =>
        from == to ? text : Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(from)}(?![\p{{L}}\p{{N}}])", to.Replace("$", "$$", StringComparison.Ordinal));

    private static string Indent(string text) => string.Join('\n', text.TrimEnd('\n').Split('\n').Select(l => "    " + l));
}
