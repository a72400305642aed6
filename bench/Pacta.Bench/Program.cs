using System.Diagnostics;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;

// Benchmark: all-pairs directed dyad-years 1816–2025 with the ATOP columns, written to CSV.
//   dotnet run -c Release --project bench/Pacta.Bench [-- --quick] [--out FILE]
//   --once   one run of the whole job (import, frame, join, CSV write) and exit: what the parent times as a process.
//   --repo DIR   the repository with data/ (found above the binary or the current folder otherwise).
// For the fastest start, publish ReadyToRun:
//   dotnet publish bench/Pacta.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o OUT
var quick = args.Contains("--quick");
var once = args.Contains("--once");
var outIndex = Array.IndexOf(args, "--out");
var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(Path.GetTempPath(), "pacta-bench-dyads.csv");
var repoIndex = Array.IndexOf(args, "--repo");
var repo = repoIndex >= 0 && repoIndex + 1 < args.Length ? args[repoIndex + 1] : FindRepo();
var years = new YearRange(1816, 2025);

var stages = new List<string>();
var clock = Stopwatch.StartNew();
void Stage(string name)
{
    stages.Add($"{name} {clock.Elapsed.TotalMilliseconds:F0}");
    clock.Restart();
}

long Job()
{
    stages.Clear();
    clock.Restart();
    var import = AtopImporter.ImportFolder(Path.Combine(repo, "data", "atop"));
    if (!import.Ok) throw new InvalidOperationException(string.Join('\n', import.Errors));
    Stage("import");
    var states = Pacta.Authoring.Data.StateData.Load(
        Path.Combine(repo, "data", "states", "states.csv"), Path.Combine(repo, "data", "states", "aliases.csv")).All;
    Stage("states");
    var table = AtopDatasets.DirectedTable(import.Release!, years);
    Stage("atop-table");
    var rows = CsvDatasetWriter.WriteDyadYears(output, DyadYears.AddAtop(AllPairs.Directed(states, years), table));
    Stage("frame+csv");
    return rows;
}

if (once)
{
    var rows = Job();
    var me = Process.GetCurrentProcess();
    Console.WriteLine($"rows={rows} stages_ms=[{string.Join(", ", stages)}] since_start_ms={(DateTime.Now - me.StartTime).TotalMilliseconds:F0} "
        + $"cpu_ms={me.TotalProcessorTime.TotalMilliseconds:F0} peak_working_set_mb={me.PeakWorkingSet64 / 1048576.0:F1}");
    return 0;
}

var processRuns = quick ? 3 : 10;
var inProcessRuns = quick ? 5 : 20;

// Whole process: start this program with --once and time it from the outside.
var self = Environment.ProcessPath!;
var selfDll = System.Reflection.Assembly.GetEntryAssembly()!.Location;
var wall = new List<double>();
var childCpu = new List<double>();
string childReport = "";
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
    var cpu = childReport.Split(' ').FirstOrDefault(x => x.StartsWith("cpu_ms=", StringComparison.Ordinal));
    if (cpu is not null) childCpu.Add(double.Parse(cpu["cpu_ms=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}

// In process: the same job repeated after one warm-up.
var inProc = new List<double>();
var inProcCpu = new List<double>();
long rowsWritten = 0;
var current = Process.GetCurrentProcess();
for (var i = 0; i < inProcessRuns + 1; i++)
{
    current.Refresh();
    var cpu0 = current.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    rowsWritten = Job();
    sw.Stop();
    current.Refresh();
    if (i == 0) continue;
    inProc.Add(sw.Elapsed.TotalMilliseconds);
    inProcCpu.Add((current.TotalProcessorTime - cpu0).TotalMilliseconds);
}

static string Stats(List<double> ms)
{
    var s = ms.Order().ToList();
    return $"median {s[s.Count / 2]:F0} ms, min {s[0]:F0} ms, max {s[^1]:F0} ms (n={s.Count})";
}

Console.WriteLine($"all-pairs directed dyad-years {years} with ATOP columns -> {output}");
Console.WriteLine($"rows: {rowsWritten:N0}; file: {new FileInfo(output).Length / 1048576.0:F1} MiB");
// CPU time is reported beside wall time because a shared machine's load stretches wall time.
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {load}");
Console.WriteLine($"whole process wall: {Stats(wall)}");
Console.WriteLine($"whole process cpu:  {Stats(childCpu)}; last child: {childReport}");
Console.WriteLine($"in process wall:    {Stats(inProc)}");
Console.WriteLine($"in process cpu:     {Stats(inProcCpu)}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} MiB");
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
