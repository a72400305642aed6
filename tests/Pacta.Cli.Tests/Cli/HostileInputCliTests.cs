using Pacta.Cli.Rendering;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The hostile inputs of issue 11 (rows 5, 11 and 12) through the real executable: each gives a one-line error
/// naming the option or the file, or a correct answer, and never "internal error".
/// </summary>
public sealed class HostileInputCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pacta-hostile");

    public void Dispose() => _dir.Delete(recursive: true);

    private static void NoInternalError(RunResult r)
    {
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void WhatIf_LastDaysOf9999WithAdoptedProposal_ShowsDeadlinesBeyondTheCalendar()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "UKR", "--date", "9999-12-29",
            "--assume-ceasefire", "2026-01-01", "--assume-adopted", "kyiv-security-compact-2022", "--timeline");
        NoInternalError(r);
        Assert.True(r.ExitCode == 0, r.Stderr);
        // The compact's PT24H deadline still falls in 9999; its PT72H deadline lies past the calendar's end.
        Assert.Contains("9999-12-30 00:00 UTC  (+24 h)  kyiv-security-compact-2022", r.Stdout);
        Assert.Contains("beyond 9999-12-31  (past the calendar's end)  kyiv-security-compact-2022", r.Stdout);
    }

    [Fact]
    public void WhatIf_LastHourOf9999AsJson_Succeeds()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "UKR", "--date", "9999-12-31T23:00",
            "--assume-ceasefire", "2026-01-01", "--assume-adopted", "kyiv-security-compact-2022", "--json");
        NoInternalError(r);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.NotEmpty(r.Json["triggered"]!.AsArray());
    }

    [Fact]
    public void List_UnknownOrigin_IsAUsageErrorListingTheValidValues()
    {
        var r = PactaCli.Run("list", "--origin", "foo");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--origin: 'foo' is not one of pacta, atop", r.Stderr);
        Assert.DoesNotContain("agreement(s)", r.Stdout);
    }

    [Fact]
    public void WhatIf_CeasefireWithATrailingPart_IsRefusedNamingTheOption()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "UKR", "--date", "2027-01-01",
            "--assume-ceasefire", "russia-ukraine-war-2022:2026-01-01:junk");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("pacta: error: --assume-ceasefire: 'russia-ukraine-war-2022:2026-01-01:junk' must be DATE or CONFLICT:DATE", r.Stderr.Trim());
    }

    [Fact]
    public void Exposure_OutIsAFolder_IsRefusedBeforeTheWork()
    {
        var r = PactaCli.Run("exposure", "--date", "2025-06-01", "--out", _dir.FullName, "--format", "png");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"pacta: error: --out: {_dir.FullName} is a folder; give a file name", r.Stderr);
        Assert.DoesNotContain("denied", r.Stderr);
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void Cascade_GraphmlIsAFolder_IsRefusedNamingTheOption()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--graphml", _dir.FullName);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"pacta: error: --graphml: {_dir.FullName} is a folder", r.Stderr);
    }

    [Fact]
    public void StateYears_FromIsNotANumber_SaysSoWithoutTypeNames()
    {
        var r = PactaCli.Run("state-years", "--from", "abc");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--from: 'abc' is not a whole number", r.Stderr);
        Assert.DoesNotContain("System.", r.Stderr);
    }

    [Fact]
    public void Cascade_NegativeTrials_IsAUsageError()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "-5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--trials: -5 must be at least 0", r.Stderr);
    }

    [Fact]
    public void Check_FileWithThousandsOfUnknownKeys_PrintsAHundredAndCountsTheRest()
    {
        var path = Path.Combine(_dir.FullName, "many-keys.yaml");
        File.WriteAllLines(path, ["id: many-keys", .. Enumerable.Range(0, 5000).Select(i => $"k{i}: 1")]);
        var r = PactaCli.Run("check", path);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Equal(101, lines.Length);
        Assert.Equal("… and 4,908 more error(s) (--max-errors 0 prints all)", lines[^1]);
        Assert.EndsWith("; 5008 error(s)", r.Stdout.Trim());
    }

    [Fact]
    public void Check_MaxErrorsZero_PrintsEveryError()
    {
        var path = Path.Combine(_dir.FullName, "many-keys.yaml");
        File.WriteAllLines(path, ["id: many-keys", .. Enumerable.Range(0, 500).Select(i => $"k{i}: 1")]);
        var r = PactaCli.Run("check", path, "--max-errors", "0");
        Assert.Equal(508, r.Stderr.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public void Check_DevZero_RefusesQuicklyInsteadOfReadingForever()
    {
        var r = PactaCli.Run("check", "/dev/zero");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("/dev/zero:1:1: error PACTA008: not a regular file", r.Stderr);
    }

    [Fact]
    public void Show_IdWithEscapeSequence_NeverReachesTheTerminal()
    {
        var r = PactaCli.Run("show", "x\u001b[2Jy");
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain('\u001b', r.Stderr);
        Assert.Contains(@"x\u001B[2Jy", r.Stderr);
    }

    [Fact]
    public void Safe_ControlCharactersAndBidiOverrides_BecomeVisibleEscapes()
    {
        Assert.Equal(@"a\u001B[31mb\u202Ec", Output.Safe("a\u001b[31mb\u202ec"));
        Assert.Equal("tab\tand line\nstay", Output.Safe("tab\tand line\nstay"));
    }
}
