using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>The cascade and exposure commands through the real CLI.</summary>
public sealed class CascadeCliTests
{
    [Fact]
    public void CascadeJson_Estonia2025_ListsStatesOptionsAndMonteCarlo()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "2000", "--seed", "3", "--pair", "USA:RUS", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var o = r.Json;
        Assert.Equal("counter-attack", (string?)o["options"]!["joiner-attacks"]!["value"]);
        var usa = o["states"]!.AsArray().Single(s => (int)s!["state"]!["cow"]! == 2)!;
        Assert.Equal("belligerent", (string?)usa["role"]);
        Assert.Equal("defender", (string?)usa["side"]);
        Assert.Equal("north-atlantic-treaty-1949", (string?)usa["path"]![0]!["agreement"]);
        Assert.Equal(2000, (long)o["monte_carlo"]!["trials"]!);
        Assert.Equal("bf2018", (string?)o["monte_carlo"]!["preset"]!["id"]);
        Assert.Equal("per-obligation", (string?)o["monte_carlo"]!["join_model"]!["id"]);
        Assert.Null(o["monte_carlo"]!["join_model"]!["coefficients"]);
        Assert.NotNull(o["monte_carlo"]!["pairs_at_war"]![0]!["at_war"]!["p"]);
    }

    /// <summary>
    /// Under --join-model fitted the presets set no probability: every output names the coefficients file actually
    /// read, with the SHA-256 of its bytes (computed here from the shipped file) and what it was fitted on, and no preset.
    /// </summary>
    [Fact]
    public void Cascade_FittedJoinModel_NamesTheCoefficientsFileNotThePreset()
    {
        string[] args = ["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "1000", "--join-model", "fitted"];
        var json = PactaCli.Run([.. args, "--json"]);
        var text = PactaCli.Run(args);

        Assert.True(json.ExitCode == 0, json.Stderr);
        Assert.True(text.ExitCode == 0, text.Stderr);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Pacta.Workspace.CascadeData.JoinCoefficientsFile)));
        var mc = json.Json["monte_carlo"]!;
        Assert.Equal("fitted", (string?)mc["join_model"]!["id"]);
        Assert.Equal("data/join-model/coefficients.json", (string?)mc["join_model"]!["coefficients"]!["file"]);
        Assert.Equal(sha, (string?)mc["join_model"]!["coefficients"]!["sha256"]);
        Assert.StartsWith("COW inter-state wars v4.0 starting before 1945", (string?)mc["join_model"]!["coefficients"]!["fitted_on"]);
        Assert.Null(mc["preset"]);
        Assert.Contains("join model fitted", text.Stdout);
        Assert.Contains($"coefficients: data/join-model/coefficients.json, sha256 {sha[..12]}", text.Stdout);
        Assert.DoesNotContain("preset bf2018", text.Stdout);
    }

    [Fact]
    public void CascadeJson_Estonia2025_NamesBrokenPromisesBreachedAsWhatIfDoes()
    {
        var cascade = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--json");
        var whatIf = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--json");

        Assert.True(cascade.ExitCode == 0, cascade.Stderr);
        Assert.True(whatIf.ExitCode == 0, whatIf.Stderr);
        static string[] Cited(System.Text.Json.Nodes.JsonNode list) =>
            [.. list.AsArray().Select(b => $"{b!["agreement"]} {b["provision"]}").Distinct().Order(StringComparer.Ordinal)];
        // The attacker's own breaches: the same word and the same promises as the what-if of the first attack.
        var breached = cascade.Json["breached"]!;
        Assert.NotEmpty(breached.AsArray());
        Assert.Equal(Cited(whatIf.Json["breached"]!), Cited(breached));
        Assert.Null(cascade.Json["attacker_breaches"]);
        // A partner that joins Russia breaks its own promises, listed under the same word.
        var states = cascade.Json["states"]!.AsArray();
        Assert.Contains(states, s => (string?)s!["side"] == "attacker" && s["breached"]!.AsArray().Count > 0);
        Assert.All(states, s => Assert.Null(s!["breaks"]));
    }

    [Fact]
    public void Cascade_GraphExportsAndPicture_AreWritten()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-cascade-{Guid.NewGuid():N}");
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01",
            "--graphml", Path.Combine(dir, "c.graphml"), "--dot", Path.Combine(dir, "c.dot"), "--format", "svg", "--out", Path.Combine(dir, "c.svg"));

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("<graphml", File.ReadAllText(Path.Combine(dir, "c.graphml")));
        Assert.Contains("north-atlantic-treaty-1949 Art. 5", File.ReadAllText(Path.Combine(dir, "c.dot")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "c.svg")));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Cascade_AssumeMemberForUkraine_ChangesSupportersIntoBelligerents()
    {
        string[] args = ["cascade", "--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63", "--assume-ceasefire", "2026-01-01", "--json"];
        var today = PactaCli.Run(args);
        var member = PactaCli.Run([.. args, "--assume-member", "UKR:nato:2026-01-01"]);

        Assert.True(today.ExitCode == 0, today.Stderr);
        Assert.True(member.ExitCode == 0, member.Stderr);
        int Count(Support.RunResult x, string role) => x.Json["states"]!.AsArray().Count(s => (string?)s!["role"] == role);
        Assert.Equal(2, Count(today, "belligerent"));
        Assert.True(Count(today, "supporter") > 20);
        Assert.True(Count(member, "belligerent") > 30);
    }

    [Fact]
    public void Exposure_1900_WritesCsvWithOneRowPerOrderedPair()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"pacta-exposure-{Guid.NewGuid():N}.csv");
        var r = PactaCli.Run("exposure", "--date", "1900-06-01", "--csv", csv, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = File.ReadAllLines(csv);
        var n = r.Json["pairs"]!.AsArray().Count;
        Assert.Equal(n + 1, lines.Length);
        Assert.StartsWith("attacker_cow,attacker,target_cow,target,belligerents", lines[0]);
        // A state system of k members has k (k - 1) ordered pairs.
        var k = (int)Math.Round((1 + Math.Sqrt(1 + 4.0 * n)) / 2);
        Assert.Equal(k * (k - 1), n);
        Assert.All(lines.Skip(1), l => Assert.True(int.Parse(l.Split(',')[4]) >= 2));
        File.Delete(csv);
    }

    [Fact]
    public void Cascade_BadOption_IsOneLineErrorWithExitCode1()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--joiner-attacks", "everyone");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--joiner-attacks", r.Stderr);
    }

    [Fact]
    public void Cascade_Text_ShowsConditionalJoinersEscapesAndTheOptionsInForce()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "2000", "--seed", "1");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("conditional = report", r.Stdout);
        Assert.Contains("carve-out = support", r.Stdout);
        Assert.Contains("Conditional joiners:", r.Stdout);
        Assert.Contains("CYP (defender's side):", r.Stdout);
        Assert.Contains("constitutional-processes", r.Stdout);
        Assert.Contains("P(a major power other than the attacker and the target drawn in)", r.Stdout);
        Assert.Contains("War size (belligerents)", r.Stdout);
    }

    [Fact]
    public void CascadeJson_ConditionalPropagate_DrawsConditionalJoinersIn()
    {
        var report = System.Text.Json.Nodes.JsonNode.Parse(PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--json").Stdout)!;
        var propagate = System.Text.Json.Nodes.JsonNode.Parse(PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--json", "--conditional", "propagate").Stdout)!;

        static bool Belligerent(System.Text.Json.Nodes.JsonNode doc, string iso3) =>
            doc["states"]!.AsArray().Any(s => (string?)s!["state"]!["iso3"] == iso3 && (string?)s["role"] == "belligerent");
        Assert.Contains(report["conditional_joiners"]!.AsArray(), g => (string?)g!["state"]!["iso3"] == "MEX");
        Assert.False(Belligerent(report, "MEX"));
        Assert.True(Belligerent(propagate, "MEX"));
        Assert.Equal("propagate", (string?)propagate["options"]!["conditional"]!["value"]);
    }

    [Fact]
    public void Cascade_BadConditionalValue_IsOneLineErrorWithExitCode1()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--conditional", "count");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--conditional: 'count' must be one of report, support, propagate", r.Stderr);
    }
}
