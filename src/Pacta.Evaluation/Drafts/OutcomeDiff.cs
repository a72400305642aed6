namespace Pacta.Evaluation.Drafts;

/// <summary>
/// How two versions of a draft differ across the same battery: scenarios in which the draft obliges someone in one
/// version and no one in the other (added, removed), scenarios whose set of triggered obligations changes (triggers),
/// and obligations triggered in both whose deadline, strength or undecided state changes.
/// </summary>
public sealed record OutcomeDiff(int Scenarios, int Added, int Removed, int Triggers, int Deadlines, int Strengths, int Decided, int Undecided)
{
    public static OutcomeDiff Of(IReadOnlyList<ScenarioResult> a, IReadOnlyList<ScenarioResult> b)
    {
        var after = b.ToDictionary(r => r.Scenario.Key, StringComparer.Ordinal);
        int added = 0, removed = 0, triggers = 0, deadlines = 0, strengths = 0, decided = 0, undecided = 0, n = 0;
        foreach (var ra in a)
        {
            if (!after.TryGetValue(ra.Scenario.Key, out var rb)) continue;
            n++;
            if (ra.Draft.Count == 0 && rb.Draft.Count > 0) added++;
            if (ra.Draft.Count > 0 && rb.Draft.Count == 0) removed++;
            var ka = ra.Draft.Select(Key).ToHashSet(StringComparer.Ordinal);
            var kb = rb.Draft.Select(Key).ToHashSet(StringComparer.Ordinal);
            if (!ka.SetEquals(kb)) triggers++;
            foreach (var da in ra.Draft)
            {
                if (rb.Draft.FirstOrDefault(d => Key(d) == Key(da)) is not { } db) continue;
                if (da.Deadline != db.Deadline || da.DeadlineText != db.DeadlineText) deadlines++;
                if (da.Strength != db.Strength) strengths++;
                if (da.Undecided && !db.Undecided) decided++;
                if (!da.Undecided && db.Undecided) undecided++;
            }
        }
        return new OutcomeDiff(n, added, removed, triggers, deadlines, strengths, decided, undecided);
    }

    /// <summary>
    /// The diff under each combination of readings the scenarios were run under (their reading text, "default" when the
    /// versions have no contested clause, and its label naming each clause's agreement and provision), in the scenarios' order.
    /// </summary>
    public static IReadOnlyList<ReadingDiff> ByReading(IReadOnlyList<ScenarioResult> a, IReadOnlyList<ScenarioResult> b)
    {
        var bs = b.ToLookup(r => r.Scenario.ReadingText, StringComparer.Ordinal);
        return [.. a.GroupBy(r => r.Scenario.ReadingText, StringComparer.Ordinal).Select(g => new ReadingDiff(g.Key, g.First().Scenario.ReadingLabel, Of([.. g], [.. bs[g.Key]])))];
    }

    /// <summary>Whether the two versions give the same outcomes in every scenario counted.</summary>
    public bool Same => Added == 0 && Removed == 0 && Triggers == 0 && Deadlines == 0 && Strengths == 0 && Decided == 0 && Undecided == 0;

    // Two versions may carry different ids (a renamed draft): an obligation is the same one by provision and obligor.
    private static string Key(DutyFound d) => $"{d.Provision}/{d.Who}";

    /// <summary>The diff in one sentence.</summary>
    public override string ToString() =>
        $"across {Scenarios} scenarios: adds {Added} scenario(s), removes {Removed}; changes {Triggers} trigger(s), {Deadlines} deadline(s), {Strengths} strength(s); " +
        $"{Decided} obligation(s) no longer undecided, {Undecided} newly undecided";
}

/// <summary>
/// The outcome diff under one combination of readings: <see cref="Readings"/> as the scenarios write it
/// (<c>CLAUSE=READING, …</c>), <see cref="Label"/> naming each clause's agreement and provision
/// (<see cref="BatteryScenarios.ReadingLabel"/>).
/// </summary>
public sealed record ReadingDiff(string Readings, string Label, OutcomeDiff Diff);
