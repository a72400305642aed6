using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta bench …</c>: performance measurements that the issues set targets for. Targets live here, not in
/// timed unit tests. Other parts add their measurements to <see cref="Parts"/>.
/// </summary>
public static class BenchCommand
{
    public static readonly List<Func<Command>> Parts = [WhatIf];

    public static Command Create()
    {
        var cmd = new Command("bench", "Measure performance (what-if latency, …)");
        foreach (var p in Parts) cmd.Subcommands.Add(p());
        return cmd;
    }

    private static Command WhatIf()
    {
        var iterations = new Option<int>("--iterations") { Description = "Evaluations per scenario", DefaultValueFactory = _ => 2000 };
        var cmd = new Command("what-if", "What-if latency over the whole corpus (in process): p50 and p99 per evaluation") { iterations };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var load = Stopwatch.StartNew();
            var corpus = ws.Corpus;
            var evaluator = new Evaluator(corpus);
            load.Stop();
            State S(string q) => ws.ResolveState(q, "bench");
            Location L(string c) => corpus.Locations.Find(c)!;
            var scenarios = new (Event Event, Assumptions Assumptions)[]
            {
                (new Event(TriggerKind.ArmedAttack, S("RUS"), S("EST"), new DateOnly(2025, 6, 1), null, L("EE")), Assumptions.None),
                (new Event(TriggerKind.ArmedAttack, S("RUS"), S("SWE"), new DateOnly(2023, 6, 1), null, L("SE-I")), Assumptions.None),
                (new Event(TriggerKind.ArmedAttack, S("RUS"), S("UKR"), new DateOnly(2027, 3, 1), null, L("UA-63")),
                    new Assumptions([new AssumedCeasefire(null, new DateOnly(2026, 1, 1))], [new AssumedAdoption("kyiv-security-compact-2022", null)], [])),
                (new Event(TriggerKind.ArmedAttack, S("PRK"), S("KOR"), new DateOnly(2025, 6, 1), null, L("KR")), Assumptions.None),
            };
            var n = Math.Max(10, r.GetValue(iterations));
            foreach (var s in scenarios) evaluator.Evaluate(s.Event, s.Assumptions); // warm-up (JIT)
            var samples = new double[n * scenarios.Length];
            var k = 0;
            var items = 0;
            for (var i = 0; i < n; i++)
            {
                foreach (var s in scenarios)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var o = evaluator.Evaluate(s.Event, s.Assumptions);
                    samples[k++] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    items += o.Triggered.Count;
                }
            }
            Array.Sort(samples);
            double P(double q) => samples[(int)Math.Min(samples.Length - 1, Math.Floor(q * samples.Length))];
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"corpus: {corpus.Agreements.Count} agreements, {corpus.Agreements.Sum(a => a.Provisions.Count)} provisions; loaded in {load.Elapsed.TotalMilliseconds:0} ms"));
            Console.WriteLine(string.Create(inv, $"what-if evaluations: {samples.Length} ({scenarios.Length} scenarios x {n}); triggered items per run avg {items / (double)samples.Length:0.0}"));
            Console.WriteLine(string.Create(inv, $"latency p50 {P(0.50):0.000} ms, p90 {P(0.90):0.000} ms, p99 {P(0.99):0.000} ms, max {samples[^1]:0.000} ms"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
