using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Evaluation.Validation;
using Pacta.Workspace;

namespace Pacta.Cli.Commands;

/// <summary>The probabilistic part of <c>pacta validate history</c> (docs/validation.md): the joining model, baselines and honour rates.</summary>
public static class JoinValidationOutput
{
    public sealed record Result(JoinValidationReport Join, IReadOnlyList<HonourCell> Honour, JoinCoefficients Coefficients, string CoefficientsFile);

    public static Result Run(PactaWorkspace ws, Pacta.Evaluation.Cascade.CascadeOptions options, JoinCoefficients coefficients, string file, int resamples, int seed, int chainTrials)
    {
        var atop = CascadeData.AtopCorpus(ws);
        var spells = CascadeData.WarSpells();
        var contiguity = CascadeData.Contiguity();
        var rules = CorpusInvocation.Load(ws);
        var wars = JoinUniverse.Build(atop, spells, contiguity, CascadeData.Majors(), options, rules);
        var join = JoinValidation.Run(wars, coefficients.Values, resamples, seed, coefficients.Ridge, chainTrials, contiguity);
        var units = HonourReplication.Units(atop, spells, options, rules);
        var honour = HonourReplication.Rates(units, spells.ToDictionary(w => w.Number, w => w.Start));
        return new Result(join, honour, coefficients, file);
    }

    /// <summary><c>pacta validate fit</c>: the train-split fit, written as the coefficients file.</summary>
    public static JoinCoefficients Fit(PactaWorkspace ws, Pacta.Evaluation.Cascade.CascadeOptions options, double ridge)
    {
        var wars = JoinUniverse.Build(CascadeData.AtopCorpus(ws), CascadeData.WarSpells(), CascadeData.Contiguity(), CascadeData.Majors(), options, CorpusInvocation.Load(ws));
        var train = wars.Where(w => !w.Test).ToList();
        var beta = JoinValidation.FitTrain(wars, ridge);
        return new JoinCoefficients(beta, ridge, $"COW inter-state wars v4.0 starting before {WarUniverse.TestFrom:yyyy-MM-dd} (train split), ATOP 5.1",
            train.Count, train.Sum(w => w.Candidates.Count), train.Sum(w => w.Candidates.Count(c => c.Outcome != 0)));
    }

    private static string F(double x, string format = "0.000") => double.IsNaN(x) ? "—" : x.ToString(format, CultureInfo.InvariantCulture);
    private static string Ci(Interval i, string format = "0.000") => $"{F(i.Value, format)} [{F(i.Low, format)}, {F(i.High, format)}]";
    private static string Pct(double? x) => x is { } v && !double.IsNaN(v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string SplitWord(ValidationSplit s) => s switch
    {
        ValidationSplit.Train => "train",
        ValidationSplit.Test => "test",
        _ => "leave-one-war-out",
    };

    public static void Render(Result r)
    {
        var j = r.Join;
        Output.Heading("Who joins: probabilities scored on the validation universe (docs/validation.md)");
        Output.Line($"  universe: {j.Wars.Count} wars, {j.Wars.Sum(w => w.Candidates.Count)} candidates (system members on the first day but the initial belligerents), {j.Wars.Sum(w => w.Candidates.Count(c => c.Outcome != 0))} joiners");
        Output.Line($"  joining model: {r.CoefficientsFile}; intervals: bootstrap over wars, {j.Resamples} resamples, seed {j.Seed}");
        foreach (var split in new[] { ValidationSplit.Test, ValidationSplit.Train, ValidationSplit.LeaveOneWarOut })
        {
            var ms = j.Metrics.Where(m => m.Split == split).ToList();
            if (ms.Count == 0) continue;
            Output.SubHeading($"{SplitWord(split)}: {ms[0].Wars} wars, {ms[0].Rows} candidates, {ms[0].Joiners} joiners"
                + (split == ValidationSplit.Train ? " (in sample for the fitted model and the rule tables)" : ""));
            Output.Table(["model", "Brier", "Brier skill", "log-loss", "PR-AUC", "precision@5", "per-war Brier", "per-war log-loss", "per-war PR-AUC"],
                ms.Select(m => (IReadOnlyList<string>)
                [
                    m.Model, Ci(m.Brier, "0.0000"), Ci(m.BrierSkill), Ci(m.LogLoss, "0.0000"), Ci(m.AveragePrecision), Ci(m.PrecisionAt5),
                    F(m.PerWarBrier, "0.0000"), F(m.PerWarLogLoss, "0.0000"), F(m.PerWarAveragePrecision),
                ]));
        }
        Output.SubHeading("Honour rates (invoked promises, each participant at its own entry date; 95 % Wilson intervals)");
        Output.Table(["level", "period", "kind", "invoked", "honoured", "rate", "Wilson 95 %", "published"],
            r.Honour.Where(c => c.Invoked > 0 || c.Published is not null).Select(c => (IReadOnlyList<string>)
            [
                c.Level, c.Period, c.Kind, c.Invoked.ToString(CultureInfo.InvariantCulture), c.Honoured.ToString(CultureInfo.InvariantCulture),
                Pct(c.Rate), c.Invoked == 0 ? "—" : $"{Pct(c.Wilson.Low)} – {Pct(c.Wilson.High)}", c.Published ?? "",
            ]));
    }

    private static JsonObject Interval(Interval i) => new() { ["value"] = Num(i.Value), ["low"] = Num(i.Low), ["high"] = Num(i.High) };
    private static JsonNode? Num(double x) => double.IsNaN(x) ? null : JsonValue.Create(Math.Round(x, 6));

    private static JsonObject Metric(ModelMetrics m) => new()
    {
        ["model"] = m.Model,
        ["split"] = SplitWord(m.Split),
        ["wars"] = m.Wars,
        ["rows"] = m.Rows,
        ["joiners"] = m.Joiners,
        ["brier"] = Interval(m.Brier),
        ["brier_skill"] = Interval(m.BrierSkill),
        ["log_loss"] = Interval(m.LogLoss),
        ["average_precision"] = Interval(m.AveragePrecision),
        ["precision_at_5"] = Interval(m.PrecisionAt5),
        ["per_war"] = new JsonObject { ["brier"] = Num(m.PerWarBrier), ["log_loss"] = Num(m.PerWarLogLoss), ["average_precision"] = Num(m.PerWarAveragePrecision) },
    };

    /// <summary>Adds <c>predictions</c>, <c>metrics</c>, <c>baselines</c>, <c>honour</c> and <c>join_model</c> to the history JSON.</summary>
    public static void AddTo(JsonObject o, Result r)
    {
        var j = r.Join;
        o["predictions"] = new JsonArray(j.Predictions.Select(p => (JsonNode)new JsonObject
        {
            ["war"] = p.War,
            ["state"] = p.State,
            ["p_attacker_side"] = Math.Round(p.PAttacker, 8),
            ["p_target_side"] = Math.Round(p.PTarget, 8),
            ["actual"] = p.Outcome switch { 1 => "attacker", 2 => "target", _ => "none" },
            ["split"] = p.Test ? "test" : "train",
        }).ToArray());
        o["metrics"] = new JsonArray(j.Metrics.Where(m => m.Model == JoinValidation.Logistic).Select(m => (JsonNode)Metric(m)).ToArray());
        o["baselines"] = new JsonArray(j.Metrics.Where(m => m.Model != JoinValidation.Logistic).Select(m => (JsonNode)Metric(m)).ToArray());
        o["per_war"] = new JsonArray(j.PerWar.Select(w => (JsonNode)new JsonObject
        {
            ["war"] = w.War,
            ["name"] = w.Name,
            ["split"] = w.Test ? "test" : "train",
            ["candidates"] = w.Candidates,
            ["joiners"] = w.Joiners,
            ["brier"] = Num(w.Brier),
            ["log_loss"] = Num(w.LogLoss),
            ["average_precision"] = Num(w.AveragePrecision),
            ["precision_at_5"] = Num(w.PrecisionAt5),
            ["lowo_brier"] = Num(w.LowoBrier),
            ["lowo_log_loss"] = Num(w.LowoLogLoss),
            ["lowo_average_precision"] = Num(w.LowoAveragePrecision),
        }).ToArray());
        o["bootstrap"] = new JsonObject { ["unit"] = "war", ["resamples"] = j.Resamples, ["seed"] = j.Seed };
        var coefficients = new JsonObject();
        for (var i = 0; i < r.Coefficients.Values.Count; i++) coefficients[JoinFeatures.Names[i]] = r.Coefficients.Values[i];
        o["join_model"] = new JsonObject { ["file"] = r.CoefficientsFile, ["ridge"] = r.Coefficients.Ridge, ["coefficients"] = coefficients };
        o["honour"] = new JsonArray(r.Honour.Select(c => (JsonNode)new JsonObject
        {
            ["level"] = c.Level,
            ["period"] = c.Period,
            ["kind"] = c.Kind,
            ["invoked"] = c.Invoked,
            ["honoured"] = c.Honoured,
            ["rate"] = c.Rate is { } v ? Math.Round(v, 6) : null,
            ["wilson_low"] = c.Invoked == 0 ? null : Math.Round(c.Wilson.Low, 6),
            ["wilson_high"] = c.Invoked == 0 ? null : Math.Round(c.Wilson.High, 6),
            ["published"] = c.Published,
        }).ToArray());
    }
}
