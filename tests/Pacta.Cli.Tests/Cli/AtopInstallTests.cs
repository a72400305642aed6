using Pacta.Datasets.Atop;
using Pacta.Tests.Support;
using Xunit;

namespace Pacta.Tests.Cli;

/// <summary>
/// <c>pacta import atop</c>: a release is switched in atomically, what a killed import leaves behind is recovered
/// or removed at the next start, and an imported release is cited as <c>$PACTA_DATA_DIR/…</c>, never by the
/// absolute path of the user's data folder.
/// </summary>
public sealed class AtopInstallTests : IDisposable
{
    /// <summary>A process id no system hands out (pid_max is at most 2^22): the process that left these is gone.</summary>
    private const string DeadPid = "2147483647";

    private static readonly string[] WhatIf = ["what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "EE", "--json"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pacta-atop-install-{Guid.NewGuid():N}");
    private string Data => Path.Combine(_dir, "userdata");
    private string Root => Path.Combine(Data, "atop");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private RunResult Run(params string[] args) => PactaCli.RunWithEnvironment(new Dictionary<string, string> { ["PACTA_DATA_DIR"] = Data }, args);

    private static void CopyRelease(string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(Repo.Path("data", "atop"))) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    /// <summary>Imports a copy of the bundled release through the CLI; returns the name of its folder.</summary>
    private string Import()
    {
        var release = Path.Combine(_dir, "release");
        if (!Directory.Exists(release)) CopyRelease(release);
        var r = Run("import", "atop", release);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return File.ReadAllText(Path.Combine(Root, AtopInstallation.PointerName)).Trim();
    }

    /// <summary>The ATOP member file the what-if answer cites (which release is in use).</summary>
    private string CitedMemberFile()
    {
        var r = Run(WhatIf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var files = System.Text.RegularExpressions.Regex.Matches(r.Stdout, "\"file\": *\"([^\"]*atop5_1m\\.csv)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        return Assert.Single(files);
    }

    [Fact]
    public void An_imported_release_is_cited_relative_to_the_data_folder_in_every_output()
    {
        var release = Path.Combine(_dir, "release");
        CopyRelease(release);
        var import = Run("import", "atop", release, "--json");
        Assert.True(import.ExitCode == 0, import.Stderr);
        var name = File.ReadAllText(Path.Combine(Root, AtopInstallation.PointerName)).Trim();
        Assert.Equal($"$PACTA_DATA_DIR/atop/{name}", import.Json["folder"]!.GetValue<string>());

        var json = Run(WhatIf);
        Assert.True(json.ExitCode == 0, json.Stderr);
        Assert.Contains($"\"file\": \"$PACTA_DATA_DIR/atop/{name}/atop5_1m.csv\"", json.Stdout);
        Assert.DoesNotContain(Data, json.Stdout);
        Assert.DoesNotContain(_dir, json.Stdout);

        var text = Run([.. WhatIf.Where(a => a != "--json")]);
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.DoesNotContain(_dir, text.Stdout);
        var show = Run("show", "atop-3180");
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains($"$PACTA_DATA_DIR/atop/{name}/atop5_1a.csv", show.Stdout);
        Assert.DoesNotContain(_dir, show.Stdout);

        // An imported release with an error is reported at its data-folder path too.
        File.WriteAllText(Path.Combine(Root, name, "atop5_1m.csv"), "atopid\n");
        var spoiled = Run(WhatIf);
        Assert.Equal(1, spoiled.ExitCode);
        Assert.Contains($"$PACTA_DATA_DIR/atop/{name}", spoiled.Stderr);
        Assert.DoesNotContain(_dir, spoiled.Stderr);
    }

    [Fact]
    public void A_killed_import_leaves_the_previous_release_in_use_and_its_leftovers_are_removed()
    {
        var used = Import();
        // Killed while copying: a half-written temporary folder.
        var temp = Path.Combine(Root, $"{AtopInstallation.TempPrefix}{AtopInstallation.ReleasePrefix}20000101T0000000000000-{DeadPid}");
        Directory.CreateDirectory(temp);
        File.WriteAllText(Path.Combine(temp, "atop5_1m.csv"), "atopid,member\n1001,");
        // Killed after renaming the copy, before the pointer: a whole release nothing names, and a pointer being written.
        var orphan = Path.Combine(Root, $"{AtopInstallation.ReleasePrefix}20000102T0000000000000-{DeadPid}");
        CopyRelease(orphan);
        File.WriteAllText(Path.Combine(Root, AtopInstallation.PointerTempPrefix + DeadPid), Path.GetFileName(orphan));

        Assert.Equal($"$PACTA_DATA_DIR/atop/{used}/atop5_1m.csv", CitedMemberFile());
        Assert.Equal([AtopInstallation.PointerName], Directory.GetFiles(Root).Select(Path.GetFileName));
        Assert.Equal([used], Directory.GetDirectories(Root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_import_killed_after_the_switch_uses_the_new_release_and_removes_the_old_one()
    {
        var old = Import();
        var next = $"{AtopInstallation.ReleasePrefix}20990101T0000000000000-{DeadPid}";
        CopyRelease(Path.Combine(Root, next));
        File.WriteAllText(Path.Combine(Root, AtopInstallation.PointerName), next + "\n");

        Assert.Equal($"$PACTA_DATA_DIR/atop/{next}/atop5_1m.csv", CitedMemberFile());
        Assert.Equal([next], Directory.GetDirectories(Root).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(Root, old)));
    }

    [Fact]
    public void An_import_by_the_earlier_two_rename_version_killed_between_renames_is_recovered()
    {
        // atop/ was renamed to .atop-old-PID, the finished copy in .atop-import-PID was never renamed to atop/.
        var previous = Path.Combine(Data, AtopInstallation.LegacyOldPrefix + DeadPid);
        var copied = Path.Combine(Data, AtopInstallation.LegacyImportPrefix + DeadPid);
        CopyRelease(previous);
        CopyRelease(copied);
        File.WriteAllText(Path.Combine(copied, "NEW.md"), "the release being imported\n");

        Assert.Equal("$PACTA_DATA_DIR/atop/atop5_1m.csv", CitedMemberFile());
        Assert.True(File.Exists(Path.Combine(Root, "NEW.md")));
        Assert.Equal(["atop"], Directory.GetDirectories(Data).Select(Path.GetFileName).Where(n => n != "cache"));

        // The next import replaces that layout with a pointer and removes the loose files.
        var name = Import();
        Assert.Equal($"$PACTA_DATA_DIR/atop/{name}/atop5_1m.csv", CitedMemberFile());
        Assert.Equal([AtopInstallation.PointerName], Directory.GetFiles(Root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_pointer_to_a_missing_release_is_an_error_not_a_silent_return_to_the_bundled_one()
    {
        var name = Import();
        Directory.Delete(Path.Combine(Root, name), true);
        var r = Run(WhatIf);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("$PACTA_DATA_DIR/atop/current", r.Stderr);
        Assert.Contains(name, r.Stderr);
        Assert.Equal("", r.Stdout);

        var reset = Run("import", "atop", "--reset");
        Assert.True(reset.ExitCode == 0, reset.Stderr);
        Assert.False(Directory.Exists(Root));
        Assert.Equal("data/atop/atop5_1m.csv", CitedMemberFile());
    }
}
