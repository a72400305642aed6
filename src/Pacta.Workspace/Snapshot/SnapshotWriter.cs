namespace Pacta.Workspace.Snapshot;

/// <summary>
/// Writes a snapshot: header (magic, format version, key), the string table, the <see cref="SnapshotBody"/> as
/// the code generated from the model types writes it (<see cref="SnapshotCodec"/>), then an XxHash3 of all of it. No field is written here
/// by hand.
/// </summary>
internal static class SnapshotWriter
{
    public static byte[]? Write(WorkspaceData data, byte[] key) => Write(SnapshotBody.Of(data), key);

    /// <summary>The snapshot's bytes, or null when it would exceed <see cref="SnapshotFormat.MaxBytes"/>, which the reader refuses.</summary>
    public static byte[]? Write(SnapshotBody snapshot, byte[] key)
    {
        var model = new ModelWriter();
        SnapshotCodec.Write(model, snapshot);
        using var head = new MemoryStream();
        using (var w = new BinaryWriter(head, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotFormat.Magic);
            w.Write(SnapshotFormat.Version);
            w.Write(key.Length);
            w.Write(key);
            w.Write(model.Table.Count);
            foreach (var s in model.Table) w.Write(s);
        }
        var body = model.Body;
        var total = head.Length + body.Length + SnapshotFormat.ChecksumBytes;
        if (total > SnapshotFormat.MaxBytes) return null;
        var bytes = new byte[total];
        head.GetBuffer().AsSpan(0, (int)head.Length).CopyTo(bytes);
        body.CopyTo(bytes.AsSpan((int)head.Length));
        var content = bytes.AsSpan(0, bytes.Length - SnapshotFormat.ChecksumBytes);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(content.Length), System.IO.Hashing.XxHash3.HashToUInt64(content));
        return bytes;
    }
}
