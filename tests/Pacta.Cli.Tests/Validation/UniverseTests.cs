using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Validation;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Validation;

/// <summary>The validation's reading of the COW war file and its universe, on hand-worked cases.</summary>
public sealed class UniverseTests
{
    private static readonly Lazy<IReadOnlyList<SpelledWar>> Wars = new(() =>
        WarSpells.Parse(File.ReadAllText(Repo.Path("data", "wars", "Inter-StateWarData_v4.0.csv"))));

    [Fact]
    public void WarSpells_StateListedTwice_KeepsEverySpellInDateOrder()
    {
        // France: a Vichy row first in the file (side 2 from 1940), its Allied row (side 1 from 1939, again from 1944) after.
        var text = "WarNum,WarName,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,StartMonth2,StartDay2,StartYear2,Initiator\r" +
                   "139,World War II,220,France,2,6,22,1940,-8,-8,-8,2\r" +
                   "139,World War II,255,Germany,2,9,1,1939,-8,-8,-8,1\r" +
                   "139,World War II,220,France,1,9,3,1939,10,23,1944,2\r";

        var war = Assert.Single(WarSpells.Parse(text));

        Assert.Equal([new DateOnly(1939, 9, 1), new DateOnly(1939, 9, 3), new DateOnly(1940, 6, 22), new DateOnly(1944, 10, 23)],
            war.Spells.Select(s => s.Start));
        Assert.Equal(1, war.FirstOf(220)!.Side);
        Assert.True(war.FoughtOn(220, 2));
        Assert.Equal([255, 220], war.First.Select(s => s.Cow));
    }

    [Fact]
    public void WarSpells_ShippedFile_WorldWarTwo_FranceAndRomaniaByTheirFirstSpell()
    {
        var ww2 = Wars.Value.Single(w => w.Number == 139);
        Assert.Equal(95, Wars.Value.Count);
        Assert.Equal(new DateOnly(1939, 9, 1), ww2.Start);
        Assert.Equal(new DateOnly(1939, 9, 3), ww2.FirstOf(220)!.Start);
        // Romania fought with the Axis from 1941 and with the Allies from 1944: its first spell is the Axis one.
        var romania = ww2.Spells.Where(s => s.Cow == 360).ToList();
        Assert.True(romania.Count >= 2);
        Assert.Equal(new DateOnly(1941, 6, 22), ww2.FirstOf(360)!.Start);
        Assert.Equal(ww2.FirstOf(255)!.Side, ww2.FirstOf(360)!.Side);
    }

    [Fact]
    public void Universe_WarOfThePacific_WorkedByHand()
    {
        // War 64 (1879-02-14): Chile (initiator, side 1) against Bolivia; Peru joined Bolivia on 1879-04-05. COW's
        // system had 37 members on 1879-02-14 (states.csv), so 35 candidates: Peru on the target's side, the rest none.
        var ws = new PactaWorkspace(Repo.Path("corpus")) { UseSnapshot = false };
        var war = Wars.Value.Single(w => w.Number == 64);
        var u = JoinUniverse.Build(CascadeData.AtopCorpus(ws), war, CascadeData.Contiguity(), CascadeData.Majors(), new CascadeOptions())!;

        Assert.Equal(new DateOnly(1879, 2, 14), u.Day);
        Assert.Equal(["CHL"], u.Attackers.Select(s => s.Cowc));
        Assert.Equal(["BOL"], u.Targets.Select(s => s.Cowc));
        Assert.False(u.Test);
        Assert.Equal(35, u.Candidates.Count);
        Assert.DoesNotContain(u.Candidates, c => c.State.Cow is 155 or 145);
        var peru = Assert.Single(u.Candidates, c => c.Outcome != 0);
        Assert.Equal(135, peru.State.Cow);
        Assert.Equal(2, peru.Outcome);
        // Peru borders Bolivia by land but not yet Chile (COW: from October 1883, when Bolivia lost its coast); the
        // United States borders neither.
        Assert.Equal(1, peru.Situation.Target[10]);
        Assert.Equal(0, peru.Situation.Target[11]);
        var usa = u.Candidates.Single(c => c.State.Cow == 2);
        Assert.Equal(0, usa.Situation.Target[10] + usa.Situation.Attacker[10]);
        Assert.Equal(1, usa.Situation.Target[1]);
        Assert.Equal(0, usa.Situation.Attacker[1]);
        // The United Kingdom is a major power in 1879; the era features are the same for everyone.
        Assert.Equal(1, u.Candidates.Single(c => c.State.Cow == 200).Situation.Target[12]);
        Assert.All(u.Candidates, c => Assert.Equal(Math.Log2(37), c.Situation.Target[13], 12));
    }

    [Fact]
    public void ValidateHistory_Json_HasOnePredictionPerCandidate_MetricsAndBaselines()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"pacta-history-{Guid.NewGuid():N}.csv");
        var r = PactaCli.Run("validate", "history", "--json", "--resamples", "10", "--chain-trials", "100", "--csv", csv);
        File.Delete(csv);

        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = r.Json;
        var predictions = json["predictions"]!.AsArray();
        Assert.True(predictions.Count > 7000);
        var keys = predictions[0]!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Equal(["war", "state", "p_attacker_side", "p_target_side", "actual", "split"], keys);
        Assert.All(predictions, p =>
        {
            Assert.Contains((string)p!["actual"]!, new[] { "attacker", "target", "none" });
            Assert.Contains((string)p!["split"]!, new[] { "train", "test" });
            Assert.InRange((double)p!["p_attacker_side"]! + (double)p!["p_target_side"]!, 0, 1);
        });
        // One row per (war, state); Peru joins Bolivia's side in the War of the Pacific, a train war.
        Assert.Equal(predictions.Count, predictions.Select(p => ((int)p!["war"]!, (int)p!["state"]!)).Distinct().Count());
        var peru = predictions.Single(p => (int)p!["war"]! == 64 && (int)p!["state"]! == 135)!;
        Assert.Equal("target", (string)peru["actual"]!);
        Assert.Equal("train", (string)peru["split"]!);
        Assert.Equal(predictions.Count(p => (string)p!["actual"]! != "none"), json["metrics"]!.AsArray().Single(m => (string)m!["split"]! == "leave-one-war-out")!["joiners"]!.GetValue<int>());
        Assert.Equal(["train", "test", "leave-one-war-out"], json["metrics"]!.AsArray().Select(m => (string)m!["split"]!));
        var baselines = json["baselines"]!.AsArray().Select(b => (string)b!["model"]!).Distinct().ToList();
        Assert.Equal(["climatology", "defence pact with target", "any alliance", "contiguity", "allies plus contiguity", "major powers", "cascade (deterministic)", "cascade with fitted join model"], baselines);
        Assert.Equal(95, json["per_war"]!.AsArray().Count);
        var test = json["metrics"]!.AsArray().Single(m => (string)m!["split"]! == "test")!;
        Assert.True((double)test["brier"]!["low"]! <= (double)test["brier"]!["value"]! && (double)test["brier"]!["value"]! <= (double)test["brier"]!["high"]!);
        Assert.Contains(json["honour"]!.AsArray(), h => (string)h!["level"]! == "alliance-war" && (string)h!["kind"]! == "defense");
    }

    [Fact]
    public void ValidateHistory_GarbledCoefficients_LocatedErrorExitOne()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"pacta-coefficients-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, "{\n  \"coefficients\": {\n    \"intercept\": -4,\n    oops\n");
        var r = PactaCli.Run("validate", "history", "--coefficients", bad);
        var missing = PactaCli.Run("validate", "history", "--coefficients", bad + ".none");
        File.Delete(bad);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{bad}: line 4, column", r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"{bad}.none: no such file", missing.Stderr);
    }
}
