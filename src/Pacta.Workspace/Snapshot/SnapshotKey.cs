using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Pacta.Workspace.Snapshot;

/// <summary>
/// The key of a snapshot: the build of Pacta, the display mode, and every input (the data files, every file of
/// the ATOP and corpus folders) as its path, size and a 64-bit XxHash3 of its contents. Contents, not
/// modification times, so an edit whose size and time were restored (<c>cp -p</c>, <c>rsync -a</c>) still
/// makes a new key. The key is stored whole in the snapshot and compared byte for byte; its own hash names the
/// file. Reading and hashing the ~1.4 MB of inputs costs about 10 ms in a fresh process (3 ms of it reading;
/// the hash code is compiled on first use) and 2 ms once compiled; parsing them costs about 400 ms.
/// </summary>
internal static class SnapshotKey
{
    /// <summary>Input files larger than this are keyed by size only (no input is near it).</summary>
    private const long MaxHashedBytes = 256L << 20;

    /// <summary>The key, or null when an input folder cannot be read (then nothing is cached).</summary>
    public static byte[]? Compute(IEnumerable<string> files, IEnumerable<string> folders, string displayMode)
    {
        try
        {
            var sb = new StringBuilder();
            sb.Append(SnapshotFormat.Version).Append('\n').Append(displayMode).Append('\n');
            // Any rebuild of the code that reads or converts the data changes the key.
            foreach (var a in new[] { typeof(PactaWorkspace).Assembly, typeof(Domain.Corpus).Assembly, typeof(Authoring.CorpusLoader).Assembly, typeof(Datasets.Atop.AtopImporter).Assembly })
                sb.Append(a.ManifestModule.ModuleVersionId).Append('\n');
            var all = files.Select(Path.GetFullPath).ToList();
            foreach (var d in folders)
            {
                sb.Append("dir:").Append(Path.GetFullPath(d)).Append('\n');
                all.AddRange(Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            }
            foreach (var f in all) sb.Append(f).Append('|').Append(Contents(f)).Append('\n');
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Size and hash of the file's bytes. Only a regular file with a size is opened: a FIFO or device (size 0)
    /// is keyed by name, so computing the key never blocks or reads without end.
    /// </summary>
    private static string Contents(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        if (info.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (info is not FileInfo { Exists: true } file) return "absent";
        if (file.Length == 0 || file.Length > MaxHashedBytes) return $"{file.Length}";
        var buffer = ArrayPool<byte>.Shared.Rent((int)file.Length);
        try
        {
            using var s = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var n = s.ReadAtLeast(buffer.AsSpan(0, (int)file.Length), (int)file.Length, throwOnEndOfStream: false);
            return $"{file.Length}|{XxHash3.HashToUInt64(buffer.AsSpan(0, n)):x16}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
