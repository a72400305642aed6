using System.Diagnostics;
using System.Globalization;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;
using Pacta.Domain;
using Pacta.Workspace;

// Benchmark: what `pacta dyads --directed --all-pairs --from 1816 --to 2025` does, in stages: loading (ATOP
// import, states, corpus) and then the dataset's own work (the continuous alliance record, the directed
// table, the all-pairs frame written as CSV).
//   dotnet run -c Release --project bench/Pacta.Bench [-- --quick] [--out FILE] [--repo DIR]
//   --once   one run in a fresh process and exit: cold figures, as the CLI sees them.
// Publish ReadyToRun for the CLI's start-up:
//   dotnet publish bench/Pacta.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o OUT
var quick = args.Contains("--quick");
var once = args.Contains("--once");
var outIndex = Array.IndexOf(args, "--out");
var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(Path.GetTempPath(), "pacta-bench-dyads.csv");
var repoIndex = Array.IndexOf(args, "--repo");
var repo = repoIndex >= 0 && repoIndex + 1 < args.Length ? args[repoIndex + 1] : FindRepo();
var years = new YearRange(1816, 2025);

// Each stage's wall and CPU time (all threads): on a shared machine the CPU time is the steadier figure.
var stages = new List<(string Name, double Ms, double CpuMs)>();
var clock = Stopwatch.StartNew();
var cpuMark = TimeSpan.Zero;
void Stage(string name)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    stages.Add((name, clock.Elapsed.TotalMilliseconds, (cpu - cpuMark).TotalMilliseconds));
    cpuMark = cpu;
    clock.Restart();
}
void Restart()
{
    stages.Clear();
    cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
    clock.Restart();
}

// Loaded through the workspace, as the CLI loads (without its start-up cache: these are the loading figures).
(AtopRelease, StateRegistry, Corpus) Load()
{
    var ws = new PactaWorkspace(Path.Combine(repo, "corpus")) { UseSnapshot = false };
    var release = ws.Atop;
    Stage("import");
    var states = ws.States;
    Stage("states");
    var corpus = ws.Corpus;
    Stage("corpus");
    return (release, states, corpus);
}

// The dataset's own work, as DyadsCommand does it (DyadDatasets.Table split in two to time both halves).
long Dataset(AtopRelease release, StateRegistry states, Corpus corpus)
{
    var record = DyadDatasets.Continuous(release, corpus, years.To);
    Stage("alliances");
    var table = record.Table(years);
    Stage("table");
    var rows = CsvDatasetWriter.WriteDyadYears(output, DyadYears.AddAtop(AllPairs.Directed(states.All, years), table), origin: true);
    Stage("frame+csv");
    return rows;
}

string Stages() => string.Join(", ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Ms:F0}/{s.CpuMs:F0}")));

if (once)
{
    Restart();
    var (release, states, corpus) = Load();
    var rows = Dataset(release, states, corpus);
    var me = Process.GetCurrentProcess();
    var after = stages.Skip(3).Sum(s => s.Ms);
    var afterCpu = stages.Skip(3).Sum(s => s.CpuMs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"rows={rows} stages_ms(wall/cpu)=[{Stages()}] after_load_ms={after:F0} after_load_cpu_ms={afterCpu:F0} since_start_ms={(DateTime.Now - me.StartTime).TotalMilliseconds:F0} "
        + $"cpu_ms={me.TotalProcessorTime.TotalMilliseconds:F0} peak_working_set_mb={me.PeakWorkingSet64 / 1048576.0:F1}"));
    return 0;
}

var processRuns = quick ? 3 : 10;
var inProcessRuns = quick ? 5 : 20;

// Cold: start this program with --once and time it from the outside; the child reports its own stages.
var self = Environment.ProcessPath!;
var selfDll = System.Reflection.Assembly.GetEntryAssembly()!.Location;
var wall = new List<double>();
var childCpu = new List<double>();
var childAfterLoad = new List<double>();
var childAfterLoadCpu = new List<double>();
var childReport = "";
for (var i = 0; i < processRuns + 1; i++)
{
    var psi = self.EndsWith("dotnet", StringComparison.Ordinal) || self.EndsWith("dotnet.exe", StringComparison.Ordinal)
        ? new ProcessStartInfo(self, [selfDll, "--once", "--out", output, "--repo", repo])
        : new ProcessStartInfo(self, ["--once", "--out", output, "--repo", repo]);
    psi.RedirectStandardOutput = true;
    var sw = Stopwatch.StartNew();
    using var p = Process.Start(psi)!;
    childReport = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    sw.Stop();
    if (p.ExitCode != 0) throw new InvalidOperationException($"child failed with {p.ExitCode}");
    if (i == 0) continue; // the first run warms the file cache
    wall.Add(sw.Elapsed.TotalMilliseconds);
    childCpu.Add(Field(childReport, "cpu_ms="));
    childAfterLoad.Add(Field(childReport, "after_load_ms="));
    childAfterLoadCpu.Add(Field(childReport, "after_load_cpu_ms="));
}

// Warm: load once, then repeat the dataset's own work after one warm-up.
Restart();
var (rel, sts, cor) = Load();
var warm = new Dictionary<string, (List<double> Wall, List<double> Cpu)>();
long rowsWritten = 0;
for (var i = 0; i < inProcessRuns + 1; i++)
{
    Restart();
    rowsWritten = Dataset(rel, sts, cor);
    if (i == 0) continue;
    foreach (var (name, ms, cpu) in stages.Append(("total", stages.Sum(s => s.Ms), stages.Sum(s => s.CpuMs))))
    {
        if (!warm.TryGetValue(name, out var l)) warm[name] = l = ([], []);
        l.Wall.Add(ms);
        l.Cpu.Add(cpu);
    }
}

static double Field(string report, string key)
{
    var f = report.Split(' ').First(x => x.StartsWith(key, StringComparison.Ordinal));
    return double.Parse(f[key.Length..], CultureInfo.InvariantCulture);
}

static string Stats(List<double> ms)
{
    var s = ms.Order().ToList();
    return string.Create(CultureInfo.InvariantCulture, $"median {s[s.Count / 2]:F0} ms, min {s[0]:F0} ms, max {s[^1]:F0} ms (n={s.Count})");
}

Console.WriteLine($"all-pairs directed dyad-years {years} with the alliance columns and source -> {output}");
Console.WriteLine($"rows: {rowsWritten:N0}; file: {new FileInfo(output).Length / 1048576.0:F1} MiB");
// CPU time is reported beside wall time because a shared machine's load stretches wall time.
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {load}");
Console.WriteLine($"cold, whole process wall:   {Stats(wall)}");
Console.WriteLine($"cold, whole process cpu:    {Stats(childCpu)}");
Console.WriteLine($"cold, after loading wall:   {Stats(childAfterLoad)}");
Console.WriteLine($"cold, after loading cpu:    {Stats(childAfterLoadCpu)}");
Console.WriteLine($"  last child: {childReport}");
foreach (var (name, l) in warm)
{
    Console.WriteLine($"warm, {name + ":",-11} wall {Stats(l.Wall)}");
    Console.WriteLine($"      {"",-11} cpu  {Stats(l.Cpu)}");
}
Console.WriteLine($"peak working set (warm runs): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} MiB");
return 0;

// The repository holding data/: above the binary, else above the current folder (a published copy lives elsewhere).
static string FindRepo()
{
    foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
        if (dir is not null) return dir.FullName;
    }
    throw new InvalidOperationException("Pacta.slnx not found above the binary or the current folder; pass --repo DIR");
}
