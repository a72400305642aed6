using Pacta.Authoring;
using Pacta.Authoring.Data;
using Pacta.Datasets.Atop;
using Pacta.Domain;
using Pacta.Workspace.Snapshot;

namespace Pacta.Workspace;

/// <summary>
/// Finds and loads what the CLI reasons over: the shipped data (states, locations) and a corpus — the bundled
/// one beside the binary, or <c>--corpus DIR</c>. Parsed data comes from a snapshot cache when the inputs are
/// unchanged (<see cref="WorkspaceSnapshot"/>); otherwise it is parsed lazily and the snapshot written.
/// </summary>
public sealed class PactaWorkspace(string? corpusDir)
{
    private StateRegistry? _states;
    private LocationIndex? _locations;
    private Corpus? _corpus;
    private AtopRelease? _atop;
    private bool _snapshotTried;

    /// <summary>Whether the snapshot cache is read and written (off with PACTA_SNAPSHOT=0).</summary>
    public bool UseSnapshot { get; init; } = WorkspaceSnapshot.Enabled;
    private byte[]? _snapshotKey;

    /// <summary>The snapshot key of this workspace's inputs, once computed (null: no snapshot in use).</summary>
    internal byte[]? SnapshotKey
    {
        get
        {
            TrySnapshot();
            return _snapshotKey;
        }
    }

    public static string DataDir => DataPaths.DataDirectory;

    /// <summary>The bundled corpus: beside the binary, or the repository's corpus/ when run from source.</summary>
    public static string BundledCorpusDir
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "corpus");
            // A folder left empty by an incremental clean (a test project that no longer copies the corpus) is not one.
            if (Directory.Exists(Path.Combine(beside, "agreements")) && Directory.EnumerateFiles(Path.Combine(beside, "agreements"), "*.yaml").Any()) return beside;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "corpus", "agreements"))) dir = dir.Parent;
            return dir is null ? beside : Path.Combine(dir.FullName, "corpus");
        }
    }

    public string CorpusDir => corpusDir ?? BundledCorpusDir;

    internal static T Timed<T>(string what, Func<T> f)
    {
        if (Environment.GetEnvironmentVariable("PACTA_TIMING") != "1") return f();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var bytes = GC.GetTotalAllocatedBytes();
        var gcs = GC.CollectionCount(0);
        var r = f();
        Console.Error.WriteLine($"timing: {what} {sw.Elapsed.TotalMilliseconds:0} ms ({(GC.GetTotalAllocatedBytes() - bytes) >> 20} MiB, {GC.CollectionCount(0) - gcs} GCs)");
        return r;
    }

    /// <summary>
    /// The key of this workspace's inputs (every data, ATOP and corpus file's contents and Pacta's build), computed
    /// once without reading the snapshot, so other caches can be keyed by it; null when the snapshot is off.
    /// </summary>
    internal byte[]? InputKey
    {
        get
        {
            if (_inputKeyTried) return _inputKey;
            _inputKeyTried = true;
            if (!UseSnapshot || !Directory.Exists(CorpusDir)) return null;
            string[] data = [.. new[] { "states.csv", "aliases.csv", "notes.csv" }.Select(f => Path.Combine(DataDir, "states", f)),
                .. new[] { "locations.csv", "regions.yaml", "sovereignty.csv", "sea-air-areas.yaml" }.Select(f => Path.Combine(DataDir, "locations", f))];
            return _inputKey = Timed("snapshot key", () => WorkspaceSnapshot.Key(data, [AtopDir, CorpusDir],
                $"{(corpusDir is null ? "bundled" : "given")}\n{DisplayPath(AtopDir)}"));
        }
    }

    private byte[]? _inputKey;
    private bool _inputKeyTried;

    /// <summary>Loads everything from the snapshot when one matches the inputs (once per workspace).</summary>
    private void TrySnapshot()
    {
        if (_snapshotTried) return;
        _snapshotTried = true;
        _snapshotKey = InputKey;
        if (_snapshotKey is null) return;
        var cached = Timed("snapshot read", () => WorkspaceSnapshot.TryRead(_snapshotKey));
        if (cached is null) return;
        (_states, _locations, _atop, _corpus) = (cached.States, cached.Locations, cached.Atop, cached.Corpus);
    }

    public StateRegistry States
    {
        get
        {
            TrySnapshot();
            return _states ??= Timed("states", () => StateData.Load(
                Path.Combine(DataDir, "states", "states.csv"), Path.Combine(DataDir, "states", "aliases.csv"), Path.Combine(DataDir, "states", "notes.csv")));
        }
    }

    public LocationIndex Locations
    {
        get
        {
            TrySnapshot();
            return _locations ??= Timed("locations", () => LocationData.Load(
                Path.Combine(DataDir, "locations", "locations.csv"), Path.Combine(DataDir, "locations", "regions.yaml"))
                .WithHistory(SovereigntyData.Load(Path.Combine(DataDir, "locations", "sovereignty.csv")))
                .WithSeaAir(SeaAirData.Load(Path.Combine(DataDir, "locations", "sea-air-areas.yaml"))));
        }
    }

    /// <summary>
    /// The loader. Files of the bundled corpus are shown as <c>corpus/agreements/…</c> wherever the binary runs,
    /// so explanations and golden files do not depend on the install folder.
    /// </summary>
    /// <summary>
    /// The ATOP release in use: one imported with <c>pacta import atop DIR</c> (kept in the user data folder, see
    /// <see cref="AtopInstallation"/>), else the bundled 5.1. The first call in a process recovers or removes what
    /// a killed import left behind.
    /// </summary>
    public static string AtopDir
    {
        get
        {
            if (Interlocked.Exchange(ref _recovered, 1) == 0) AtopInstallation.Recover(UserDataDir);
            var imported = AtopInstallation.Current(UserDataDir, out var problem);
            if (problem is not null)
                throw new PactaException($"{DisplayPath(Path.Combine(AtopInstallation.Root(UserDataDir), AtopInstallation.PointerName))}: {problem}; "
                    + "import it again with 'pacta import atop DIR' or use the bundled one with 'pacta import atop --reset'");
            return imported ?? Path.Combine(DataDir, "atop");
        }
    }

    private static int _recovered;

    /// <summary>
    /// A path as shown in any output: inside the user data folder as <c>$PACTA_DATA_DIR/…</c> (when set) or
    /// <c>~/…</c>, elsewhere under the home folder as <c>~/…</c>, so no output carries a user's absolute paths.
    /// </summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (Environment.GetEnvironmentVariable(Storage.DataFolder.EnvironmentVariable) is { Length: > 0 } && Under(Path.GetFullPath(UserDataDir), full) is { } inData)
            return inData.Length == 0 ? "$PACTA_DATA_DIR" : "$PACTA_DATA_DIR/" + inData;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        if (home.Length > 0 && Under(Path.GetFullPath(home), full) is { } inHome)
            return inHome.Length == 0 ? "~" : "~/" + inHome;
        return full;
    }

    /// <summary><paramref name="path"/> relative to <paramref name="folder"/> with '/' separators, or null when outside it.</summary>
    private static string? Under(string folder, string path)
    {
        var rel = Path.GetRelativePath(folder, path);
        if (rel == ".") return "";
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? null : rel.Replace('\\', '/');
    }

    /// <summary>Where Pacta keeps user data (imported releases, the start-up cache, the web app's SQLite store): $PACTA_DATA_DIR or ~/.local/share/pacta.</summary>
    public static string UserDataDir => Storage.DataFolder.Default();

    public AtopRelease Atop
    {
        get
        {
            TrySnapshot();
            if (_atop is not null) return _atop;
            var dir = AtopDir;
            var result = Timed("atop import", () => AtopImporter.ImportFolder(dir));
            var bundled = Path.GetFullPath(dir) == Path.GetFullPath(Path.Combine(DataDir, "atop"));
            // The bundled release is cited as data/atop/… wherever the binary runs (stable explanations), an
            // imported one as $PACTA_DATA_DIR/… or ~/…: sources, errors and the API never show absolute paths.
            string Shown(string file) => bundled ? "data/atop/" + Path.GetFileName(file) : DisplayPath(file);
            if (!result.Ok)
                throw new PactaException($"the ATOP release in {(bundled ? "data/atop" : DisplayPath(dir))} has errors:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, result.Errors.Take(20).Select(e => e with { File = Shown(e.File) })));
            var release = result.Release! with
            {
                AllianceFile = Shown(result.Release!.AllianceFile),
                MemberFile = Shown(result.Release!.MemberFile),
            };
            return _atop = release;
        }
    }

    public CorpusLoader Loader => new(States, Locations)
    {
        ExternalAgreementIds = Atop.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet(StringComparer.Ordinal),
        DisplayPath = p =>
        {
            if (corpusDir is not null) return p;
            var rel = Path.GetRelativePath(BundledCorpusDir, p);
            return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? p : "corpus/" + rel.Replace('\\', '/');
        },
    };

    /// <summary>The corpus, or a <see cref="PactaException"/> listing the first validation errors.</summary>
    public Corpus Corpus
    {
        get
        {
            TrySnapshot();
            if (_corpus is not null) return _corpus;
            if (!Directory.Exists(CorpusDir)) throw new PactaException($"{CorpusDir}: no such corpus folder");
            var loader = Loader;
            var result = Timed("corpus", () => loader.LoadDirectory(CorpusDir));
            if (!result.Ok)
            {
                var first = string.Join(Environment.NewLine, result.Diagnostics.Take(20));
                throw new PactaException($"the corpus in {CorpusDir} has {result.Diagnostics.Count} error(s); run 'pacta check {CorpusDir}'{Environment.NewLine}{first}");
            }
            // ATOP's alliances join the hand-encoded corpus as agreements atop-<id>, in the same model.
            _corpus = Timed("atop agreements", () => result.Corpus!.With(AtopToAgreements.Convert(Atop)));
            if (_snapshotKey is not null) Timed("snapshot write", () => { WorkspaceSnapshot.TryWrite(_snapshotKey, new WorkspaceData(States, Locations, Atop, _corpus)); return 0; });
            return _corpus;
        }
    }

    public State ResolveState(string query, string what)
    {
        var res = States.Resolve(query);
        if (!res.Ok) throw new PactaException($"{what}: {res.Error}");
        return res.State!;
    }
}
