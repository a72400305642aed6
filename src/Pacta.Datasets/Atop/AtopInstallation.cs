using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pacta.Datasets.Atop;

/// <summary>
/// Imported ATOP releases in a user data folder, switched atomically. <c>DATA/atop/current</c> names the
/// release in use, a folder <c>DATA/atop/release-TIME-PID/</c>. An import copies into a hidden temporary folder,
/// renames it to its release name, then replaces <c>current</c> by renaming a new pointer over it: a crash at
/// any point leaves either the previous release or the new one in use, never none. Leftovers (temporary folders,
/// releases no pointer names, pointer files being written, and the <c>.atop-old-PID</c> / <c>.atop-import-PID</c>
/// folders of earlier versions) are recovered or removed by <see cref="Recover"/> at start-up; entries of a
/// process still running (an import in progress) are left alone.
/// </summary>
public static class AtopInstallation
{
    public const string FolderName = "atop";
    public const string PointerName = "current";
    public const string ReleasePrefix = "release-";
    public const string TempPrefix = ".import-";
    public const string PointerTempPrefix = "current.tmp-";

    /// <summary>Names used by earlier versions, which swapped whole folders with two renames.</summary>
    public const string LegacyImportPrefix = ".atop-import-";
    public const string LegacyOldPrefix = ".atop-old-";
    public const string RemovedPrefix = "atop.removed-";

    public static string Root(string userData) => Path.Combine(userData, FolderName);

    /// <summary>
    /// The folder of the imported release in use, or null for none (the bundled release is used). A pointer that
    /// names a missing folder is an error (the release was deleted by hand), not a silent return to the bundled one.
    /// </summary>
    public static string? Current(string userData, out string? problem)
    {
        problem = null;
        var root = Root(userData);
        var pointer = Path.Combine(root, PointerName);
        if (File.Exists(pointer))
        {
            var name = ReadPointer(pointer);
            if (name is not null && Directory.Exists(Path.Combine(root, name))) return Path.Combine(root, name);
            problem = name is null
                ? $"{PointerName} does not name an ATOP release"
                : $"{PointerName} names the ATOP release {name}, which is missing";
            return null;
        }
        // An import by an earlier version: the release files directly in atop/.
        return Directory.Exists(root) && LooseFiles(root).Any() ? root : null;
    }

    /// <summary>
    /// Installs the given files as a new release and switches to it. <paramref name="afterStep"/> is called after
    /// each step ("copied", "renamed", "switched") so that tests can stop there as a crash would.
    /// </summary>
    public static string Install(IEnumerable<string> files, string userData, Action<string>? afterStep = null)
    {
        var root = Root(userData);
        Directory.CreateDirectory(root);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var name = $"{ReleasePrefix}{DateTime.UtcNow:yyyyMMddTHHmmssfffffff}-{pid}";
        var temp = Path.Combine(root, TempPrefix + name);
        var release = Path.Combine(root, name);
        var pointerTemp = Path.Combine(root, PointerTempPrefix + pid);
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var f in files.Distinct())
            {
                var to = Path.Combine(temp, Path.GetFileName(f));
                File.Copy(f, to);
                using var s = new FileStream(to, FileMode.Open, FileAccess.ReadWrite);
                s.Flush(flushToDisk: true);
            }
            afterStep?.Invoke("copied");
            Directory.Move(temp, release);
            afterStep?.Invoke("renamed");
            using (var s = new FileStream(pointerTemp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                s.Write(Encoding.UTF8.GetBytes(name + "\n"));
                s.Flush(flushToDisk: true);
            }
            File.Move(pointerTemp, Path.Combine(root, PointerName), overwrite: true);
            afterStep?.Invoke("switched");
        }
        finally
        {
            TryDelete(temp);
            TryDelete(pointerTemp);
        }
        Recover(userData);
        return release;
    }

    /// <summary>Stops using any imported release (one rename of the whole folder), then deletes it.</summary>
    public static bool Remove(string userData)
    {
        var root = Root(userData);
        if (!Directory.Exists(root)) return false;
        var gone = Path.Combine(userData, RemovedPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        TryDelete(gone);
        Directory.Move(root, gone);
        TryDelete(gone);
        return true;
    }

    /// <summary>
    /// Finishes or undoes what a killed import left behind. Never throws: a leftover that cannot be removed now
    /// is tried again on the next start.
    /// </summary>
    public static void Recover(string userData)
    {
        try
        {
            if (!Directory.Exists(userData)) return;
            RecoverLegacy(userData);
            var root = Root(userData);
            if (!Directory.Exists(root)) return;
            var current = Current(userData, out var problem);
            if (problem is not null) return; // reported to the user; nothing is deleted while the pointer is wrong
            var inUse = current is null || current == root ? null : Path.GetFileName(current);
            foreach (var dir in Directory.EnumerateDirectories(root))
            {
                var n = Path.GetFileName(dir);
                if (n == inUse) continue;
                if ((n.StartsWith(ReleasePrefix, StringComparison.Ordinal) || n.StartsWith(TempPrefix, StringComparison.Ordinal)) && !Running(n))
                    TryDelete(dir);
            }
            foreach (var file in Directory.EnumerateFiles(root, PointerTempPrefix + "*"))
                if (!Running(Path.GetFileName(file))) TryDelete(file);
            // A release of an earlier version, replaced by one that the pointer names.
            if (current is not null && current != root)
                foreach (var file in LooseFiles(root)) TryDelete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Earlier versions renamed atop/ to .atop-old-PID, then .atop-import-PID to atop/: killed in between, there
    /// was no atop/. The complete new copy (the copy finished before the first rename) is put in place, else
    /// the previous release; the rest is removed.
    /// </summary>
    private static void RecoverLegacy(string userData)
    {
        var root = Root(userData);
        foreach (var old in Directory.EnumerateDirectories(userData, LegacyOldPrefix + "*"))
        {
            var name = Path.GetFileName(old);
            if (Running(name) || Directory.Exists(root)) continue;
            var copied = Path.Combine(userData, LegacyImportPrefix + name[LegacyOldPrefix.Length..]);
            Directory.Move(Directory.Exists(copied) ? copied : old, root);
        }
        foreach (var prefix in new[] { LegacyOldPrefix, LegacyImportPrefix, RemovedPrefix })
            foreach (var dir in Directory.EnumerateDirectories(userData, prefix + "*"))
                if (!Running(Path.GetFileName(dir))) TryDelete(dir);
    }

    /// <summary>Release files lying directly in atop/ (the layout of earlier versions).</summary>
    private static IEnumerable<string> LooseFiles(string root) =>
        Directory.EnumerateFiles(root).Where(f => Path.GetFileName(f) is var n && n != PointerName && !n.StartsWith(PointerTempPrefix, StringComparison.Ordinal));

    private static string? ReadPointer(string pointer)
    {
        var info = new FileInfo(pointer);
        if (info.LinkTarget is not null || info.Length is 0 or > 256) return null;
        var name = File.ReadAllText(pointer).Trim();
        return name.StartsWith(ReleasePrefix, StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? name : null;
    }

    /// <summary>Whether the process whose id ends <paramref name="name"/> (after the last '-') is running, other than this one.</summary>
    private static bool Running(string name)
    {
        var dash = name.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
