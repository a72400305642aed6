namespace Pacta.Workspace.Snapshot;

internal static class SnapshotFormat
{
    public const string Magic = "pacta-snapshot";
    public const int Version = 5;

    /// <summary>A snapshot larger than this is neither read nor written (the bundled workspace makes ~2 MB).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>The XxHash3 (64-bit) checksum that ends every snapshot, over all the bytes before it.</summary>
    public const int ChecksumBytes = 8;
}

/// <summary>
/// A cache of the parsed workspace (states, locations, ATOP release, corpus with the ATOP agreements) so that a
/// command does not re-parse ~1.5 MB of CSV and YAML on every start. The key stored inside holds a content hash
/// of every input (<see cref="SnapshotKey"/>); a checksum over the whole file is verified
/// before anything is parsed. Any failure to read — not a regular file, too large, a bad checksum, a count or
/// index out of bounds, a truncated file — is a miss: the file is deleted and the sources are parsed (and a fresh
/// snapshot written). A corpus with errors is never cached. <c>PACTA_SNAPSHOT=0</c> turns the cache off.
/// </summary>
internal static class WorkspaceSnapshot
{
    public static bool Enabled => Environment.GetEnvironmentVariable("PACTA_SNAPSHOT") != "0";

    public static string Folder => Path.Combine(PactaWorkspace.UserDataDir, "cache");

    public static byte[]? Key(IEnumerable<string> files, IEnumerable<string> folders, string displayMode) =>
        SnapshotKey.Compute(files, folders, displayMode);

    /// <summary>The file of a key, named by the key's hash; the key stored inside decides.</summary>
    public static string PathFor(byte[] key) => Path.Combine(Folder, $"workspace-{System.IO.Hashing.XxHash3.HashToUInt64(key):x16}.bin");

    public static WorkspaceData? TryRead(byte[] key)
    {
        var path = PathFor(key);
        var info = new FileInfo(path);
        // Exists is false for a folder; a link (even to a regular file) is never followed.
        if (!info.Exists && info.LinkTarget is null) return null;
        var data = ReadRegularFile(info, out var bytes) ? SnapshotReader.TryRead(bytes, key) : null;
        if (data is null) Discard(path);
        return data;
    }

    /// <summary>
    /// The bytes of a regular file no larger than <see cref="SnapshotFormat.MaxBytes"/>. A FIFO or device has size
    /// 0 and is never opened (opening a FIFO blocks; /dev/zero never ends).
    /// </summary>
    private static bool ReadRegularFile(FileInfo info, out byte[] bytes)
    {
        bytes = [];
        if (info.LinkTarget is not null || (info.Attributes & (FileAttributes.Directory | FileAttributes.ReparsePoint | FileAttributes.Device)) != 0
            || info.Length < SnapshotFormat.ChecksumBytes || info.Length > SnapshotFormat.MaxBytes)
            return false;
        try
        {
            using var f = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var buffer = new byte[info.Length];
            f.ReadExactly(buffer);
            // A file that grew since the size was taken is being rewritten: not this snapshot.
            if (f.Read(new byte[1]) != 0) return false;
            bytes = buffer;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes an unreadable snapshot (a link or FIFO only loses its name) so that it is written afresh.</summary>
    private static void Discard(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
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
                if (!w.CopyTo(f, key)) return;
            // rename() replaces whatever entry has the name (a corrupt file, a link, a FIFO), never its target.
            File.Move(tmp, path, overwrite: true);
            // Several corpora (the bundled one, a user's drafts) may alternate; keep the few most recent.
            foreach (var old in new DirectoryInfo(Folder).EnumerateFiles("workspace-*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(8))
                old.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            try { File.Delete(tmp); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }
}
