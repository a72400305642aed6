using Pacta.Evaluation.Cascade;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>The COW war file reader and the command that validates the cascade on history.</summary>
public sealed class HistoryTests
{
    [Fact]
    public void InterstateWars_BareCarriageReturnsAndQuotedNames_AreRead()
    {
        var text = "WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,Initiator\r" +
                   "163,\"Vietnam War, Phase 2\",1,2,United States of America,2,2,7,1965,1\r" +
                   "163,\"Vietnam War, Phase 2\",1,816,Vietnam,1,-9,-9,1965,2\r";

        var wars = InterstateWars.Parse(text);

        var w = Assert.Single(wars);
        Assert.Equal("Vietnam War, Phase 2", w.Name);
        Assert.Equal(new DateOnly(1965, 1, 1), w.Start);
        Assert.True(w.Participants.Single(p => p.Cow == 2).Initiator);
    }

    [Fact]
    public void InterstateWars_ShippedFile_HasEveryWar()
    {
        var wars = InterstateWars.Parse(File.ReadAllText(Repo.Path("data", "wars", "Inter-StateWarData_v4.0.csv")));

        Assert.Equal(95, wars.Count);
        Assert.All(wars, w => Assert.True(w.Participants.Count >= 2));
    }

    [Fact]
    public void InterstateWars_StateThatChangedSides_KeepsEverySpellInDateOrder()
    {
        var wars = InterstateWars.Parse(File.ReadAllText(Repo.Path("data", "wars", "Inter-StateWarData_v4.0.csv")));
        var ww2 = wars.Single(w => w.Number == 139);

        var france = ww2.Participants.Where(p => p.Cow == 220).ToList();
        Assert.Equal(2, france.Count);
        Assert.Equal(new DateOnly(1939, 9, 3), france[0].Start);
        Assert.True(france[0].Start < france[1].Start);
        Assert.NotEqual(france[0].Side, france[1].Side);
        var romania = ww2.Participants.Where(p => p.Cow == 360).ToList();
        Assert.Equal(2, romania.Count);
        Assert.Equal(1941, romania[0].Start.Year);
        Assert.Equal(1944, romania[1].Start.Year);
        // Each state once, by the side it entered on.
        Assert.Equal(france[0], ww2.FirstSpells.Single(p => p.Cow == 220));
        Assert.Equal(romania[0], ww2.FirstSpells.Single(p => p.Cow == 360));
        Assert.All(wars, w => Assert.Equal(w.Participants.OrderBy(p => p.Start), w.Participants));
    }

    [Fact]
    public void ValidateHistory_Cli_PrintsTheTableAndWritesCsv()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"pacta-history-{Guid.NewGuid():N}.csv");
        var r = PactaCli.Run("validate", "history", "--resamples", "10", "--chain-trials", "0", "--csv", csv);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Overall", r.Stdout);
        Assert.Contains("baseline", r.Stdout);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("war,name,start", lines[0]);
        Assert.True(lines.Length > 80);
        File.Delete(csv);
    }
}
