using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Pacta.Authoring.Diagnostics;

namespace Pacta.Authoring.Files;

/// <summary>
/// Reads one input file (agreement, organization, conflict) defensively: regular files only (a FIFO would block
/// and /dev/zero never ends), at most <see cref="MaxBytes"/>, strict UTF-8 with the first bad byte located.
/// </summary>
public static class InputFile
{
    /// <summary>The largest input file read: 1 MiB, some 40 times the largest agreement of the corpus.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The file's text, or null with one located diagnostic added.</summary>
    public static string? ReadText(string file, string shown, List<Diagnostic> diagnostics)
    {
        if (!IsRegularFile(file))
            return Fail(shown, diagnostics, ErrorCodes.Unreadable, "not a regular file (a FIFO, device or socket is not read as an input file)");
        byte[] bytes;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > MaxBytes) return TooLarge(shown, diagnostics, stream.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes");
            // Read one byte past what is expected: a file that grows while read is still refused at the limit.
            var buffer = new byte[(int)Math.Min(MaxBytes + 1L, stream.CanSeek ? stream.Length + 1 : MaxBytes + 1L)];
            var total = ReadInto(stream, buffer);
            if (total == buffer.Length && total <= MaxBytes)
            {
                Array.Resize(ref buffer, MaxBytes + 1);
                total += ReadInto(stream, buffer.AsSpan(total));
            }
            if (total > MaxBytes) return TooLarge(shown, diagnostics, "more than that");
            bytes = buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(shown, diagnostics, ErrorCodes.Unreadable, e.Message);
        }
        return Decode(bytes, shown, diagnostics);
    }

    private static int ReadInto(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer[total..])) > 0) total += n;
        return total;
    }

    private static string? Fail(string shown, List<Diagnostic> diagnostics, string code, string message)
    {
        diagnostics.Add(new Diagnostic(shown, 1, 1, code, message));
        return null;
    }

    private static string? TooLarge(string shown, List<Diagnostic> diagnostics, string size) =>
        Fail(shown, diagnostics, ErrorCodes.FileTooLarge, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the file is larger than the {MaxBytes / 1024 / 1024} MiB an input file may hold ({size})"));

    /// <summary>Strict UTF-8 (a leading byte-order mark is skipped); the first invalid byte is a located error.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string shown, List<Diagnostic> diagnostics)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) bytes = bytes[3..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done) return new string(chars, 0, written);
            // Line and column of the first bad byte, counted in characters as the YAML positions are.
            var text = chars.AsSpan(0, written);
            var line = 1 + text.Count('\n');
            var column = 1 + (text.Length - (text.LastIndexOf('\n') + 1));
            diagnostics.Add(new Diagnostic(shown, line, column, ErrorCodes.BadEncoding,
                $"the file is not valid UTF-8: byte 0x{bytes[read]:X2} at offset {read} (save it as UTF-8)"));
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// True for a regular file (symbolic links followed). Linux asks the kernel (statx: one layout on every
    /// architecture); elsewhere every existing file counts as regular.
    /// </summary>
    public static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return File.Exists(path);
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return File.Exists(path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path);
        }
        var mode = BitConverter.ToUInt16(buffer, 28);
        return (mode & 0xF000) == 0x8000;
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
