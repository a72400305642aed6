using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Workspace.Snapshot;

/// <summary>The loaded model as the workspace hands it out.</summary>
internal sealed record WorkspaceData(StateRegistry States, LocationIndex Locations, AtopRelease Atop, Corpus Corpus);

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote, by the same generated <see cref="SnapshotCodec"/>. The checksum is verified
/// before parsing, and every count and string index is checked against the bytes left before anything is
/// allocated, so a damaged or hostile file costs at most its own size and ends as a miss.
/// </summary>
internal static class SnapshotReader
{
    /// <summary>
    /// The workspace, or null when the file is not a whole, intact snapshot of this key: wrong header or key, bad
    /// checksum, truncated, trailing bytes, or any value out of range. Never throws.
    /// </summary>
    public static WorkspaceData? TryRead(byte[] bytes, byte[] key)
    {
        try
        {
            return TryReadBody(bytes, key)?.ToData();
        }
        catch (Exception)
        {
            // A lookup refusing a value (a duplicate id) is a miss as well.
            return null;
        }
    }

    /// <summary>The body as stored, or null (see <see cref="TryRead"/>). Never throws.</summary>
    public static SnapshotBody? TryReadBody(byte[] bytes, byte[] key)
    {
        try
        {
            if (bytes.Length < SnapshotFormat.ChecksumBytes || bytes.Length > SnapshotFormat.MaxBytes) return null;
            var content = bytes.AsSpan(0, bytes.Length - SnapshotFormat.ChecksumBytes);
            if (System.IO.Hashing.XxHash3.HashToUInt64(content) != System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(content.Length))) return null;
            using var r = new BinaryReader(new MemoryStream(bytes, 0, content.Length, writable: false), System.Text.Encoding.UTF8);
            if (r.ReadString() != SnapshotFormat.Magic || r.ReadInt32() != SnapshotFormat.Version) return null;
            var keyLength = r.ReadInt32();
            if (keyLength != key.Length || !r.ReadBytes(keyLength).AsSpan().SequenceEqual(key)) return null;
            var model = new ModelReader(r, []);
            var table = new string[model.Count()];
            for (var i = 0; i < table.Length; i++) table[i] = r.ReadString();
            var body = SnapshotCodec.Read(new ModelReader(r, table));
            return r.BaseStream.Position == r.BaseStream.Length ? body : null;
        }
        catch (Exception)
        {
            // A cache: whatever went wrong (a constructor refusing a value, an enum out of range) means "parse the sources".
            return null;
        }
    }
}
