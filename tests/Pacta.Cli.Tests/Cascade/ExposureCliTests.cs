using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary><c>pacta exposure</c> with the --assume-* options of <c>pacta cascade</c>, through the real CLI.</summary>
public sealed class ExposureCliTests
{
    private static Dictionary<(string, string), string[]> Rows(string csv) =>
        File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[1], f[3]));

    [Fact]
    public void Exposure_AssumeUkraineInNato_RussiaAttackingUkraineDrawsInNato()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-exposure-{Guid.NewGuid():N}");
        var today = PactaCli.Run("exposure", "--date", "2025-06-01", "--csv", Path.Combine(dir, "today.csv"), "--json");
        var member = PactaCli.Run("exposure", "--date", "2025-06-01", "--assume-member", "UKR:nato", "--csv", Path.Combine(dir, "member.csv"), "--json");

        Assert.True(today.ExitCode == 0, today.Stderr);
        Assert.True(member.ExitCode == 0, member.Stderr);
        var before = Rows(Path.Combine(dir, "today.csv"));
        var after = Rows(Path.Combine(dir, "member.csv"));
        // Columns: belligerents 4, attacker side 5, defender side 6, supporters 7, rounds 8, major powers 9, codes 10.
        // Today Ukraine's 2024 agreements make supporters only: Russia and Ukraine fight alone.
        Assert.Equal("2", before[("RUS", "UKR")][4]);
        // As a member, NATO Art. 5 draws in the 32 members on Ukraine's side in round 1.
        var row = after[("RUS", "UKR")];
        Assert.True(int.Parse(row[6]) >= 33, string.Join(",", row));
        Assert.Equal(["DEU", "FRA", "GBR", "RUS", "USA"], row[10].Split(';').Order());
        // Russia attacking Estonia: Ukraine, only consulting today (ATOP 4241 obliges talks, which make no role), now owes
        // Estonia Art. 5 and fights on its side; the supporters (Austria, Ireland, Malta by the carve-out) stay as they were.
        int Col(Dictionary<(string, string), string[]> rows, int i) => int.Parse(rows[("RUS", "EST")][i]);
        Assert.Equal(Col(before, 4) + 1, Col(after, 4));
        Assert.Equal(Col(before, 6) + 1, Col(after, 6));
        Assert.Equal(Col(before, 7), Col(after, 7));
        Assert.Equal(369, (int)member.Json["assumptions"]!["members"]![0]!["state"]!["cow"]!);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Exposure_UnknownAssumedAgreement_IsOneLineErrorWithExitCode1()
    {
        var r = PactaCli.Run("exposure", "--date", "2025-06-01", "--assume-adopted", "no-such-pact");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--assume-adopted: unknown agreement 'no-such-pact'", r.Stderr);
    }
}
