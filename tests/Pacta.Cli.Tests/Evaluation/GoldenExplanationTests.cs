using Pacta.Tests.Support;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// Approved explanations: the full `what-if --explain` text of each worked scenario is stored in
/// tests/golden/NAME.txt. A change in the corpus or the engine shows up as a diff to review. To accept
/// new output, run the tests with PACTA_RECORD=1 and review `git diff tests/golden`.
/// </summary>
public sealed class GoldenExplanationTests
{
    public static TheoryData<string, string[]> Scenarios => new()
    {
        { "estonia-2025", ["--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "EE"] },
        { "gotland-2023", ["--attacker", "RUS", "--target", "SWE", "--date", "2023-06-01", "--location", "SE-I"] },
        { "gotland-2024", ["--attacker", "RUS", "--target", "SWE", "--date", "2024-06-01", "--location", "SE-I"] },
        { "kharkiv-2027-ceasefire", ["--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63", "--assume-ceasefire", "2026-01-01"] },
        { "kharkiv-2027-no-ceasefire", ["--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63"] },
        { "kharkiv-2027-compact-adopted", ["--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63", "--assume-ceasefire", "2026-01-01", "--assume-adopted", "kyiv-security-compact-2022"] },
        { "falklands-1982", ["--attacker", "ARG", "--target", "GBR", "--date", "1982-04-02", "--location", "FK"] },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void WhatIfExplain_MatchesApprovedFile(string name, string[] args)
    {
        var r = PactaCli.Run(["what-if", .. args, "--explain"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var path = Repo.Path("tests", "golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("PACTA_RECORD") == "1")
        {
            File.WriteAllText(path, r.Stdout);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; record it with PACTA_RECORD=1");
        var approved = File.ReadAllText(path);
        if (approved != r.Stdout)
        {
            File.WriteAllText(path + ".received", r.Stdout);
            var a = approved.Split('\n');
            var b = r.Stdout.Split('\n');
            var i = 0;
            while (i < Math.Min(a.Length, b.Length) && a[i] == b[i]) i++;
            Assert.Fail($"{name}: output differs from {path} at line {i + 1}:\n- {(i < a.Length ? a[i] : "<end>")}\n+ {(i < b.Length ? b[i] : "<end>")}\n(received output written to {path}.received; re-record with PACTA_RECORD=1)");
        }
    }
}
