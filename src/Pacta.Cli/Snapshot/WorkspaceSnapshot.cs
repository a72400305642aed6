using System.Text;

namespace Pacta.Cli.Snapshot;

internal static class SnapshotFormat
{
    public const string Magic = "pacta-snapshot";
    public const int Version = 1;
}

/// <summary>
/// A cache of the parsed workspace (states, locations, ATOP release, corpus with the ATOP agreements) so that a
/// command does not re-parse ~1.5 MB of CSV and YAML on every start. The key lists every input file's path,
/// size and modification time (reading the bytes would cost as much as a good part of the parse) plus the build
/// of Pacta itself, so any edit to the data, the corpus or the code makes a new snapshot;
/// a corpus with errors is never cached. The cache is an optimisation only: any failure to read or write it
/// falls back to parsing the sources. <c>PACTA_SNAPSHOT=0</c> turns it off.
/// </summary>
internal static class WorkspaceSnapshot
{
    public static bool Enabled => Environment.GetEnvironmentVariable("PACTA_SNAPSHOT") != "0";

    public static string Folder => Path.Combine(Workspace.UserDataDir, "cache");

    /// <summary>
    /// The key of the inputs: a description of every input file, stored whole in the snapshot and compared byte
    /// for byte (no cryptographic hash: loading one costs more start-up time than the comparison). Null when an
    /// input folder cannot be read (then nothing is cached).
    /// </summary>
    public static byte[]? Key(IEnumerable<string> files, IEnumerable<string> folders, string displayMode)
    {
        try
        {
            var sb = new StringBuilder();
            sb.Append(SnapshotFormat.Version).Append('\n').Append(displayMode).Append('\n');
            // Any rebuild of the code that reads or converts the data changes the key.
            foreach (var a in new[] { typeof(Workspace).Assembly, typeof(Domain.Corpus).Assembly, typeof(Authoring.CorpusLoader).Assembly, typeof(Datasets.Atop.AtopImporter).Assembly })
                sb.Append(a.ManifestModule.ModuleVersionId).Append('\n');
            var all = files.Select(Path.GetFullPath).ToList();
            foreach (var d in folders)
            {
                sb.Append("dir:").Append(Path.GetFullPath(d)).Append('\n');
                all.AddRange(Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            }
            foreach (var f in all)
            {
                var info = new FileInfo(f);
                sb.Append(f).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A short file name for a key (FNV-1a, 64 bits); the key inside the file decides.</summary>
    private static string PathFor(byte[] key)
    {
        var h = 14695981039346656037UL;
        foreach (var b in key) h = (h ^ b) * 1099511628211UL;
        return Path.Combine(Folder, $"workspace-{h:x16}.bin");
    }

    public static WorkspaceData? TryRead(byte[] key)
    {
        var path = PathFor(key);
        if (!File.Exists(path)) return null;
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var buffer = new MemoryStream((int)f.Length);
            f.CopyTo(buffer);
            buffer.Position = 0;
            return SnapshotReader.Read(buffer, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or IndexOutOfRangeException
            or ArgumentException or FormatException or InvalidDataException)
        {
            // A truncated or corrupt file is treated as absent; the next successful load replaces it.
            return null;
        }
    }

    /// <summary>Writes the snapshot atomically (temporary file, then rename) and removes older ones.</summary>
    public static void TryWrite(byte[] key, WorkspaceData data)
    {
        var path = PathFor(key);
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            var w = new SnapshotWriter();
            w.Workspace(data.States, data.Locations, data.Atop, data.Corpus);
            using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                w.CopyTo(f, key);
            File.Move(tmp, path, overwrite: true);
            // Several corpora (the bundled one, a user's drafts) may alternate; keep the few most recent.
            foreach (var old in new DirectoryInfo(Folder).EnumerateFiles("workspace-*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(8))
                old.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }
}
