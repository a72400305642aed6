namespace Pacta.Cli.Commands;

/// <summary>Counts the rows (line ends) of CSV written through it, for <see cref="ProgressReporter"/>.</summary>
public sealed class RowCountingStream(Stream inner, ProgressReporter progress) : Stream
{
    private long _rows = -1; // the header line is not a row

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        _rows += buffer.Count((byte)'\n');
        progress.Report(_rows);
    }

    public override void Flush() => inner.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
