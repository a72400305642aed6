using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pacta.Contracts;
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
        var iterations = CommonOptions.Number("--iterations", "Evaluations per scenario and measurement", 2000, 1, int.MaxValue);
        var cmd = new Command("what-if", "What-if latency over the whole corpus (in process): p50/p90/p99 of the evaluation alone and with the --json output") { iterations };
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
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"corpus: {corpus.Agreements.Count} agreements, {corpus.Agreements.Sum(a => a.Provisions.Count)} provisions; loaded in {load.Elapsed.TotalMilliseconds:0} ms"));

            var items = 0L;
            // The decision alone: what a caller that reads only who owes whom what (the cascade, the timeline) pays.
            Measure("evaluation", s =>
            {
                var o = evaluator.Evaluate(s.Event, s.Assumptions);
                items += o.Triggered.Count;
            });
            Console.WriteLine(string.Create(inv, $"  triggered items per run avg {items / (double)(n * scenarios.Length):0.0}"));
            // Every explanation tree and reason worded, as `what-if --explain --all` reads them.
            Measure("evaluation + explanations", s =>
            {
                var o = evaluator.Evaluate(s.Event, s.Assumptions);
                foreach (var t in o.Triggered) _ = t.Explanation;
                foreach (var b in o.Breached) _ = b.Explanation;
                foreach (var x in o.NotTriggered) _ = x.Reason;
            });
            // What `pacta what-if --json` prints (UTF-8, all but the write itself): every explanation and reason
            // rendered, so explanations worded on demand cannot hide their cost.
            var sink = new CountingStream();
            Measure("evaluation + --json", s =>
            {
                var o = evaluator.Evaluate(s.Event, s.Assumptions);
                OutcomeJson.Write(sink, corpus, o, OutcomeJson.Indented);
            });
            Console.WriteLine(string.Create(inv, $"  JSON bytes per run avg {sink.Length / (double)(n * scenarios.Length + 3 * scenarios.Length):0}"));
            // The same JSON through the document of nodes, as /api/what-if builds it (fewer runs: it is slow).
            Measure("evaluation + JSON document", s =>
            {
                var o = evaluator.Evaluate(s.Event, s.Assumptions);
                _ = JsonShapes.Write(OutcomeJson.Outcome(corpus, o));
            }, Math.Max(10, n / 10));
            return ExitCodes.Ok;

            void Measure(string name, Action<(Event Event, Assumptions Assumptions)> run, int? times = null)
            {
                var runs = times ?? n;
                var i0 = items;
                for (var w = 0; w < 3; w++) foreach (var s in scenarios) run(s); // warm-up (JIT), not counted
                items = i0;
                var samples = new double[runs * scenarios.Length];
                var k = 0;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var gcs = GC.CollectionCount(0);
                for (var i = 0; i < runs; i++)
                {
                    foreach (var s in scenarios)
                    {
                        var t0 = Stopwatch.GetTimestamp();
                        run(s);
                        samples[k++] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    }
                }
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                gcs = GC.CollectionCount(0) - gcs;
                Array.Sort(samples);
                double P(double q) => samples[(int)Math.Min(samples.Length - 1, Math.Floor(q * samples.Length))];
                Console.WriteLine(string.Create(inv, $"{name}: {samples.Length} runs ({scenarios.Length} scenarios x {runs}); allocated {allocated / 1024.0 / samples.Length:0} KiB per run, {gcs} gen-0 GCs"));
                Console.WriteLine(string.Create(inv, $"  latency p50 {P(0.50):0.000} ms, p90 {P(0.90):0.000} ms, p99 {P(0.99):0.000} ms, max {samples[^1]:0.000} ms"));
            }
        }));
        return cmd;
    }

    /// <summary>A stream that only counts what is written to it: the JSON measured without the I/O.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
