using System.Diagnostics;
using Pacta.Bench.Cascade;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Validation;
using Pacta.Workspace;

// Benchmark of escalation analysis (docs/cascade.md):
//   dotnet run -c Release --project bench/Pacta.Bench.Cascade [-- --trials N] [--baseline-trials N] [--baseline-attackers N] [--skip-exposure]
//     [--join-model per-obligation|per-state|fitted] [--case est-2025|est-2025-propagate|auh-srb-1914] [--skip-baseline]
// 1. Monte Carlo trials per second (preset bf2018, or the fitted per-state joining model of data/join-model/):
//    est-2025: Russia attacks Estonia on 2025-06-01 (the CLI's defaults); est-2025-propagate: the same with
//    --conditional propagate (every conditional promise taken as met: the Americas, the CIS, the largest graph of the
//    three); auh-srb-1914: Austria-Hungary attacks Serbia on 1914-07-28. Against the baseline unless --skip-baseline.
// 2. The exposure matrix for 2025-06-01 (every ordered pair of system members), against the baseline.
// The machine is shared; CPU time is printed beside wall time.
int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
var trials = Arg("--trials", 4_000_000);
var baselineTrials = Arg("--baseline-trials", 20_000);
var baselineAttackers = Arg("--baseline-attackers", 2);
var joinWord = Array.IndexOf(args, "--join-model") is var j and >= 0 && j + 1 < args.Length ? args[j + 1] : "per-obligation";
var joinModel = Words.TryParse<JoinModel>(joinWord, out var jm) ? jm : throw new ArgumentException($"--join-model: '{joinWord}' must be per-obligation, per-state or fitted");
var caseWord = Array.IndexOf(args, "--case") is var ci and >= 0 && ci + 1 < args.Length ? args[ci + 1] : "est-2025";

var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Pacta.slnx"))) repo = repo.Parent;
var root = repo?.FullName ?? throw new InvalidOperationException("run from the repository");
// The corpus as the CLI sees it (the hand-encoded agreements plus the ATOP 5.1 alliances), loaded by the workspace.
var ws = new PactaWorkspace(Path.Combine(root, "corpus")) { UseSnapshot = false };
var states = ws.States;
var corpus = ws.Corpus;
var (attackerCow, targetCow, day, where, caseOptions) = caseWord switch
{
    "est-2025" => (365, 366, new DateOnly(2025, 6, 1), "EE", CascadeOptions.Default),
    "est-2025-propagate" => (365, 366, new DateOnly(2025, 6, 1), "EE", CascadeOptions.Default with { Conditional = ConditionalObligations.Propagate }),
    "auh-srb-1914" => (300, 345, new DateOnly(1914, 7, 28), null, CascadeOptions.Default),
    _ => throw new ArgumentException($"--case: '{caseWord}' must be est-2025, est-2025-propagate or auh-srb-1914"),
};
var rus = states.ByCow(attackerCow)!;
var est = states.ByCow(targetCow)!;
Console.WriteLine($"cores: {Environment.ProcessorCount}; load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");

(double Wall, double Cpu) Time(Action a)
{
    var p = Process.GetCurrentProcess();
    var cpu0 = p.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    a();
    p.Refresh();
    return (sw.Elapsed.TotalSeconds, (p.TotalProcessorTime - cpu0).TotalSeconds);
}

// 1. Monte Carlo.
var e = new Event(TriggerKind.ArmedAttack, rus, est, day, null, where is null ? HomeLocation.Of(corpus, est) : ws.Locations.Find(where)!);
// The invocation rules the CLI uses (overlays of corpus/invocation and ATOP's named adversaries).
var invocation = CorpusInvocation.Load(ws);
var graph = new CascadeGraph(new CascadeSource(corpus, day, Assumptions.None, invocation: invocation), caseOptions with { JoinModel = joinModel });
var model = HonourModel.Of(HonourPresets.Bf2018);
var start = CascadeStart.Of(e);
// The fitted model reads the cascade's start (contiguity to attacker and target): made per cascade, as the CLI does.
IJoinModel? joins = joinModel == JoinModel.Fitted ? CascadeData.FittedJoinModel(start) : null;
MonteCarlo.Run(graph, start, model, 100_000, 7, [], joins: joins); // warm-up (and closes the graph)
MonteCarloResult? mc = null;
if (args.Contains("--probe"))
{
    foreach (var pre in new[] { HonourPresets.Certain, HonourPresets.Bf2018, HonourPresets.Bf2018Post1945 })
    {
        var zero = HonourModel.Of(pre);
        var z = Time(() => MonteCarlo.Run(graph, start, zero, 200_000, 1, [], threads: 1));
        Console.WriteLine($"probe {pre.Id}: {z.Cpu / 200_000 * 1e6:F2} us CPU per trial");
    }
    var zm = HonourModel.Of(HonourPresets.Certain) with { ByKind = new Dictionary<ProvisionKind, double> { [ProvisionKind.Defense] = 0, [ProvisionKind.Consultation] = 0, [ProvisionKind.Assistance] = 0 } };
    var zz = Time(() => MonteCarlo.Run(graph, start, zm, 200_000, 1, [], threads: 1));
    Console.WriteLine($"probe nothing honoured: {zz.Cpu / 200_000 * 1e6:F2} us CPU per trial");
    return;
}
var one = Time(() => MonteCarlo.Run(graph, start, model, trials / 4, 1, [(2, 365)], threads: 1, joins: joins));
Console.WriteLine($"case: {caseWord}; join model: {joinWord}");
Console.WriteLine($"monte carlo (engine, 1 thread): {trials / 4:N0} trials in {one.Wall:F2} s wall, {one.Cpu:F2} s CPU -> {trials / 4 / one.Wall:N0} trials/s ({trials / 4 / one.Cpu:N0} per CPU second)");
var units = (joins ?? JoinModels.Of(joinModel)).Assign(graph, model);
var scalar = new ScalarTrials(graph, start, units);
scalar.Run(10_000, 3); // warm-up
double scalarMean = 0;
var scalarTrials = trials / 16;
var sc = Time(() => scalarMean = scalar.Run(scalarTrials, 1));
Console.WriteLine($"monte carlo (one-trial kernel, 1 thread): {scalarTrials:N0} trials in {sc.Wall:F2} s wall, {sc.Cpu:F2} s CPU -> {scalarTrials / sc.Wall:N0} trials/s ({scalarTrials / sc.Cpu:N0} per CPU second; mean size {scalarMean:F2}; {units.Count:N0} decisions)");
var (wall, cpu) = Time(() => mc = MonteCarlo.Run(graph, start, model, trials, 1, [(2, 365)], joins: joins));
Console.WriteLine($"monte carlo (engine): {trials:N0} trials in {wall:F2} s wall, {cpu:F2} s CPU -> {trials / wall:N0} trials/s ({trials / cpu:N0} per CPU second) " +
    $"(mean size {mc!.MeanSize.Mean:F2}, P(USA-RUS) {mc.Pairs[0].AtWar.P:P1}; graph: {graph.EventCount} events, {graph.ObligationCount} obligations)");

if (args.Contains("--skip-baseline")) return;
var baseline = new BaselineCascade(corpus, day, cacheEvaluations: true);
var rng = new Random(1);
double SizeSum = 0;
baseline.Run(rus, est, _ => true);
var (bWall, bCpu) = Time(() =>
{
    for (var t = 0; t < baselineTrials; t++)
        SizeSum += baseline.Run(rus, est, o => rng.NextDouble() < model.Preset.For(o.Provision.Kind)).Count;
});
Console.WriteLine($"monte carlo (baseline): {baselineTrials:N0} trials in {bWall:F2} s wall, {bCpu:F2} s CPU -> {baselineTrials / bWall:N0} trials/s (mean size {SizeSum / baselineTrials:F2})");
Console.WriteLine($"monte carlo ratio: {trials / wall / (baselineTrials / bWall):F0}x");
if (args.Contains("--skip-exposure")) return;

// 2. Exposure matrix.
var majors = new HashSet<int> { 2, 200, 220, 255, 365, 710, 740 };
Exposure.Compute(corpus, new DateOnly(2024, 6, 1), Assumptions.None, CascadeOptions.Default, majors, invocation: invocation); // warm-up on another day
ExposureMatrix? m = null;
var (xWall, xCpu) = Time(() => m = Exposure.Compute(corpus, day, Assumptions.None, CascadeOptions.Default, majors, invocation: invocation));
var pairs = m!.States.Count * (m.States.Count - 1);
Console.WriteLine($"exposure (engine): {pairs:N0} pairs in {xWall:F3} s wall, {xCpu:F2} s CPU");

var naive = new BaselineCascade(corpus, day, cacheEvaluations: false);
var system = states.All.Where(s => s.IsSystemMemberOn(day)).ToList();
var measured = 0;
var (nWall, nCpu) = Time(() =>
{
    foreach (var a in system.Take(baselineAttackers))
        foreach (var t in system.Where(t => t.Cow != a.Cow)) { naive.Run(a, t, _ => true); measured++; }
});
var projected = nWall / measured * pairs;
Console.WriteLine($"exposure (baseline): {measured:N0} pairs in {nWall:F2} s wall, {nCpu:F2} s CPU -> projected {projected:F1} s for {pairs:N0} pairs");
Console.WriteLine($"exposure ratio: {projected / xWall:F0}x");
