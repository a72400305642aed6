using Pacta.Workspace.Snapshot;

namespace Pacta.Workspace;

/// <summary>
/// The file framing shared by the caches beside the start-up snapshot (<see cref="DyadTableCache"/>,
/// <see cref="ReviewDecisionCache"/>, <see cref="CascadeInputCache"/>): <c>PREFIX-HASH.bin</c> in the snapshot's
/// folder, holding a magic number, the whole key (length-prefixed), the cache's own body and an XxHash3 of all that.
/// A file is used only when its checksum holds, its key matches byte for byte and its body is read to the last byte;
/// anything else — missing, a link, too large, truncated, flipped bytes, a wrong magic or key, a body its reader
/// refuses — is a miss, never an error. Writes go to a temporary
/// file renamed into place, so a reader never sees half a file; the few most recent files of each prefix are kept.
/// </summary>
internal static class KeyedCacheFile
{
    /// <summary>How many files of one prefix are kept (several corpora or parameter sets may alternate).</summary>
    private const int Kept = 8;

    private const int ChecksumBytes = 8;

    public static string PathFor(string prefix, byte[] key) =>
        Path.Combine(WorkspaceSnapshot.Folder, $"{prefix}-{System.IO.Hashing.XxHash3.HashToUInt64(key):x16}.bin");

    /// <summary>
    /// The body <paramref name="read"/> makes of the file of <paramref name="key"/>, or null on any miss. The reader
    /// may return null to refuse what it read; whatever it throws on bad bytes counts as a miss.
    /// </summary>
    public static T? TryRead<T>(string prefix, int magic, byte[] key, long maxBytes, Func<BinaryReader, T?> read) where T : class
    {
        var info = new FileInfo(PathFor(prefix, key));
        if (!info.Exists || info.LinkTarget is not null || info.Length > maxBytes || info.Length < ChecksumBytes) return null;
        try
        {
            var bytes = File.ReadAllBytes(info.FullName);
            if (bytes.Length < ChecksumBytes) return null;
            var content = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
            if (System.IO.Hashing.XxHash3.HashToUInt64(content) != System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(content.Length))) return null;
            using var r = new BinaryReader(new MemoryStream(bytes, 0, content.Length, writable: false));
            if (r.ReadInt32() != magic) return null;
            var length = r.ReadInt32();
            if (length != key.Length || !r.ReadBytes(length).AsSpan().SequenceEqual(key)) return null;
            var body = read(r);
            return r.BaseStream.Position == r.BaseStream.Length ? body : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException
            or InvalidOperationException or InvalidDataException or FormatException or OverflowException or IndexOutOfRangeException
            or KeyNotFoundException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>Writes the file of <paramref name="key"/> with the body <paramref name="write"/> writes; a failure leaves no file and no error.</summary>
    public static void TryWrite(string prefix, int magic, byte[] key, Action<BinaryWriter> write)
    {
        var path = PathFor(prefix, key);
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(WorkspaceSnapshot.Folder);
            using var content = new MemoryStream();
            using (var w = new BinaryWriter(content, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(magic);
                w.Write(key.Length);
                w.Write(key);
                write(w);
            }
            Span<byte> checksum = stackalloc byte[ChecksumBytes];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(checksum, System.IO.Hashing.XxHash3.HashToUInt64(content.GetBuffer().AsSpan(0, (int)content.Length)));
            using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                f.Write(content.GetBuffer(), 0, (int)content.Length);
                f.Write(checksum);
            }
            // rename() replaces whatever entry has the name (a corrupt file, a link), never its target.
            File.Move(tmp, path, overwrite: true);
            foreach (var old in new DirectoryInfo(WorkspaceSnapshot.Folder).EnumerateFiles($"{prefix}-*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(Kept))
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

    /// <summary>A count that cannot exceed the bytes left (every item takes at least one), so a damaged count allocates nothing large.</summary>
    public static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n >= 0 && n <= r.BaseStream.Length - r.BaseStream.Position ? n : throw new InvalidDataException($"count {n} out of range");
    }
}
