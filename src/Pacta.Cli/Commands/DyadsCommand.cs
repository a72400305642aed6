using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Datasets;
using Pacta.Datasets.Added;
using Pacta.Datasets.Output;
using Pacta.Domain;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta dyads --directed|--undirected [--all-pairs] [--add contiguity,majors,mids,wars] [--reading CLAUSE=READING] --from Y --to Y --format csv|parquet --out FILE</c>:
/// ATOP-style dyad-years, continued past the ATOP release with Pacta's own encoding (docs/datasets.md), with
/// optional columns from COW and GML data named as peacesciencer names them.
/// </summary>
public static class DyadsCommand
{
    public static Command Create()
    {
        var directed = new Option<bool>("--directed") { Description = "One row per ordered pair (what ccode1 owes ccode2)" };
        var undirected = new Option<bool>("--undirected") { Description = "One row per unordered pair (ccode1 < ccode2); a promise counts when either side makes it" };
        var allPairs = new Option<bool>("--all-pairs") { Description = "Every pair of state-system members in each year, alliance columns 0 where none" };
        var political = new Option<bool>("--include-political") { Description = "After the ATOP release, also map political commitments and proposals (ATOP counts only binding treaties)" };
        var add = new Option<DyadColumnFamily>("--add")
        {
            Description = $"Add column families (comma-separated): {DyadColumnFamilies.ValidNames}; NA outside each source's years",
            CustomParser = r =>
            {
                var families = DyadColumnFamily.None;
                foreach (var token in r.Tokens)
                {
                    if (DyadColumnFamilies.Parse(token.Value, out var error) is { } f) families |= f;
                    else r.AddError($"--add: {error}");
                }
                return families;
            },
        };
        var from = DatasetOptions.From();
        var to = DatasetOptions.To();
        var format = DatasetOptions.Format();
        var output = DatasetOptions.Out();
        var reading = DatasetOptions.Reading();
        var cmd = new Command("dyads", "Write ATOP-style dyad-years (ATOP up to its release, Pacta's encoding after it)")
        {
            directed, undirected, allPairs, political, add, from, to, format, output, reading,
        };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            if (r.GetValue(directed) == r.GetValue(undirected))
                throw new PactaException("choose one of --directed or --undirected");
            var isDirected = r.GetValue(directed);
            var all = r.GetValue(allPairs);
            var thisYear = DateTime.UtcNow.Year;
            var first = all ? DatasetOptions.SystemFirstYear : DatasetOptions.AtopFirstYear;
            var (y0, y1) = DatasetOptions.Years(r.GetValue(from) ?? first, r.GetValue(to) ?? thisYear, first, thisYear,
                all ? "where the state system (and so the all-pairs frame) begins" : "where ATOP's alliance data begin",
                "the current year");
            var path = r.GetValue(output);
            var fmt = DatasetOptions.ParseFormat(r.GetValue(format), path);
            using var sink = DatasetOutput.Open(path, fmt);

            var ws = CommonOptions.Workspace(r);
            var years = new YearRange(y0, y1);
            var readingTexts = r.GetValue(reading) ?? [];
            var includePolitical = r.GetValue(political);
            // The table, the system members and the readings as a run with the same inputs and parameters made them
            // (DyadTableCache), else computed and cached. Loaded before the clock starts so that PACTA_TIMING
            // separates loading from the dataset's own work.
            var parameters = string.Create(CultureInfo.InvariantCulture, $"{y0}|{y1}|{includePolitical}|{string.Join('\n', readingTexts)}");
            var clock = Timing.Start();
            var cached = DyadTableCache.TryRead(ws, parameters);
            if (cached is not null) clock.Lap("dyads table (cached, with the snapshot key)");
            else
            {
                var release = ws.Atop;
                var pastRelease = y1 > release.CoverageEnd.Year;
                var reviews = pastRelease || readingTexts.Length > 0 ? CorpusReviews.LoadDecisions(ws) : [];
                var readings = DatasetOptions.Readings(readingTexts, reviews);
                if (pastRelease) _ = ws.Corpus;
                _ = ws.States;
                clock = Timing.Start();
                var built = DyadDatasets.Table(release, () => ws.Corpus, years, includePolitical, reviews, readings);
                var applied = pastRelease ? ReviewReadings.Applied(reviews, readings).Select(a => new AppliedReviewReading(a.Scope, a.Clause, a.Reading, a.IsDefault)).ToList() : [];
                cached = new DyadTableInputs(built, ws.States.All, release.CoverageEnd.Year, applied);
                clock.Lap("dyads table");
                DyadTableCache.TryWrite(ws, parameters, cached);
            }
            var table = cached.Table;
            var families = r.GetValue(add);
            AddedColumns? added = null;
            if (families != DyadColumnFamily.None)
            {
                added = AddedColumns.Load(PactaWorkspace.DataDir, families, years);
                clock.Lap("dyads added columns");
            }
            IEnumerable<DyadYear> rows;
            long? total = null;
            if (all)
            {
                var frame = isDirected ? AllPairs.Directed(cached.States, years) : AllPairs.Undirected(cached.States, years);
                if (ProgressReporter.Wanted) total = frame.RowCount();
                rows = DyadYears.AddAtop(frame, table, isDirected);
            }
            else rows = isDirected ? table.DirectedRows() : table.UndirectedRows();

            var written = Write(sink, fmt, rows, total, added);
            sink.Commit();
            clock.Lap("dyads frame+write");
            if (!sink.ToStdout) Report(r, written, path!, isDirected, all, years, DatasetOptions.ReadingsUsed(cached.Readings));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static long Write(DatasetOutput sink, DatasetOptions.FileFormat fmt, IEnumerable<DyadYear> rows, long? total, AddedColumns? added)
    {
        var progress = total is { } t ? new ProgressReporter("dyads", t) : null;
        try
        {
            if (fmt == DatasetOptions.FileFormat.Parquet)
            {
                var counted = progress is null ? rows : Counted(rows, progress);
                return ParquetDatasetWriter.WriteDyadYearsAsync(sink.Stream, counted, origin: true, added).GetAwaiter().GetResult();
            }
            using var stream = progress is null ? null : new RowCountingStream(sink.Stream, progress);
            return CsvDatasetWriter.WriteDyadYears(stream ?? sink.Stream, rows, origin: true, added);
        }
        finally
        {
            progress?.Done();
        }
    }

    private static IEnumerable<DyadYear> Counted(IEnumerable<DyadYear> rows, ProgressReporter progress)
    {
        long n = 0;
        foreach (var row in rows)
        {
            if ((++n & 0xFFFF) == 0) progress.Report(n);
            yield return row;
        }
    }

    private static void Report(ParseResult r, long rows, string path, bool directed, bool all, YearRange years, (string Text, JsonArray Json) readings)
    {
        if (r.GetValue(CommonOptions.Json))
        {
            Console.WriteLine(JsonShapes.Write(new JsonObject
            {
                ["file"] = path, ["rows"] = rows, ["directed"] = directed, ["all_pairs"] = all, ["from"] = years.From, ["to"] = years.To,
                ["readings"] = readings.Json,
            }));
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {rows:N0} {(directed ? "directed" : "undirected")} dyad-years{(all ? " (all pairs)" : "")}, {years.From}–{years.To}, to {path}{readings.Text}"));
    }
}

/// <summary>
/// Stage times on standard error when PACTA_TIMING=1 (as the workspace reports its loading): wall time, and the
/// CPU time of all threads, the steadier figure on a shared machine.
/// </summary>
internal sealed class Timing
{
    private readonly System.Diagnostics.Stopwatch? _sw;
    private TimeSpan _cpu;
    private TimeSpan _jit;
    private long _jitted;

    private Timing(bool on)
    {
        if (!on) return;
        _cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        _jit = System.Runtime.JitInfo.GetCompilationTime();
        _jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        _sw = System.Diagnostics.Stopwatch.StartNew();
    }

    public static Timing Start() => new(Environment.GetEnvironmentVariable("PACTA_TIMING") == "1");

    public void Lap(string what)
    {
        if (_sw is null) return;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        // JIT work shows what ReadyToRun did not cover (e.g. generic code over the project's own types).
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: {what} {_sw.Elapsed.TotalMilliseconds:0} ms (cpu {(cpu - _cpu).TotalMilliseconds:0} ms; jit {jitted - _jitted} methods, {(jit - _jit).TotalMilliseconds:0} ms)"));
        (_cpu, _jit, _jitted) = (cpu, jit, jitted);
        _sw.Restart();
    }
}
