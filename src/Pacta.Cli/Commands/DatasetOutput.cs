namespace Pacta.Cli.Commands;

/// <summary>
/// Where a dataset goes: standard output (CSV only), or a file written under a temporary name in the same folder
/// and moved into place at the end, so a failed or interrupted run never leaves a partial file behind.
/// </summary>
public sealed class DatasetOutput : IDisposable
{
    private readonly string? _final;
    private readonly string? _temp;
    private bool _done;

    private DatasetOutput(Stream stream, string? final, string? temp)
    {
        Stream = stream;
        _final = final;
        _temp = temp;
    }

    public Stream Stream { get; }

    public bool ToStdout => _final is null;

    /// <summary>Opens the output before any work starts, so a bad path fails fast.</summary>
    public static DatasetOutput Open(string? path, DatasetOptions.FileFormat format)
    {
        if (path is null or "-")
        {
            if (format == DatasetOptions.FileFormat.Parquet) throw new PactaException("--out: parquet output needs a file (--out FILE)");
            return new DatasetOutput(Console.OpenStandardOutput(), null, null);
        }
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new PactaException($"{path}: is a folder, not a file");
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new PactaException($"{path}: cannot write: folder {dir} does not exist");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
            return new DatasetOutput(stream, full, temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PactaException($"{path}: cannot write in {dir}: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}");
        }
    }

    /// <summary>Moves the finished file into place (replacing an older one).</summary>
    public void Commit()
    {
        Stream.Dispose();
        if (_final is null) return;
        try
        {
            File.Move(_temp!, _final, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PactaException($"{_final}: cannot write: {e.Message}");
        }
        _done = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (_temp is not null && !_done && File.Exists(_temp)) File.Delete(_temp);
    }
}
