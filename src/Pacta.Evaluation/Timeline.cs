using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>One deadline on the timeline of an outcome: what must be done by when, and by whom.</summary>
public sealed record TimelineItem(DateTimeOffset Deadline, TimeSpan After, bool WherePossible, string Agreement, string Provision, string Label, IReadOnlyList<string> Obligors, bool Hypothetical);

/// <summary>The deadlines of an outcome in order: "convene within 24 h", "decide within 72 h" …</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineItem> Of(Outcome o) =>
        o.Triggered.Where(t => t.Deadline is not null)
            .GroupBy(t => (t.Agreement.Id, t.Provision.Id, t.Obligation.Action, t.Deadline, t.Obligation.Firmness))
            .Select(g =>
            {
                var f = g.First();
                return new TimelineItem(f.Deadline!.Value, f.Deadline.Value - o.Event.Instant, f.Obligation.Firmness == DeadlineFirmness.WherePossible,
                    f.Agreement.Id, f.Provision.Citation, $"{f.Agreement.Id} {f.Provision.Citation}: {f.Obligation.Action}",
                    g.Select(t => t.Obligor.Code).Distinct().ToList(), f.Hypothetical);
            })
            .OrderBy(i => i.Deadline).ThenBy(i => i.Agreement, StringComparer.Ordinal).ThenBy(i => i.Provision, StringComparer.Ordinal)
            .ToList();
}
