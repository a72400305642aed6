using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Validation;
using Pacta.Workspace;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta validate history</c>: the deterministic cascade run on every COW inter-state war from its initial attack,
/// on the ATOP alliances in force that day, scored against the states that actually fought, beside a baseline.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Write the per-war table as CSV (default history-validation.csv)", DefaultValueFactory = _ => "history-validation.csv" };
        var cascade = new CascadeOptionSet();
        var coefficients = new Option<string>("--coefficients") { Description = "The joining model's coefficients (default: the shipped data/join-model/coefficients.json)" };
        var resamples = CommonOptions.Number("--resamples", "Bootstrap resamples of whole wars for the 95 % intervals (default 1000)", JoinValidation.DefaultResamples, 10, 100_000);
        var seed = CommonOptions.Number("--seed", "Seed of the bootstrap (default 20261202)", JoinValidation.DefaultSeed, 0, int.MaxValue);
        var chainTrials = CommonOptions.Number("--chain-trials", "Trials per war of the cascade's Monte Carlo with the fitted join model, scored beside the baselines (default 1000; 0: leave it out)", 1000, 0, 1_000_000);
        var history = new Command("history", "Predicted against actual joiners of the COW inter-state wars (v4.0), on ATOP 5.1 alliances; probabilistic scores, baselines and honour rates (docs/validation.md)") { csv, coefficients, resamples, seed, chainTrials };
        cascade.AddTo(history);
        history.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            CommonOptions.OutputFile(r.GetValue(csv), "--csv");
            var options = cascade.Read(r);
            var coefficientsFile = r.GetValue(coefficients) ?? CascadeData.JoinCoefficientsFile;
            var fitted = CascadeData.JoinCoefficients(coefficientsFile);
            var report = HistoryValidation.Run(CascadeData.AtopCorpus(ws), CascadeData.Wars(), options, CorpusInvocation.Load(ws));
            var join = JoinValidationOutput.Run(ws, options, fitted, coefficientsFile, r.GetValue(resamples), r.GetValue(seed), r.GetValue(chainTrials));
            var path = r.GetValue(csv)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(path, Csv(report));
            if (r.GetValue(CommonOptions.Json))
            {
                var json = Json(report);
                JoinValidationOutput.AddTo(json, join);
                Console.WriteLine(JsonShapes.Write(json));
                return ExitCodes.Ok;
            }
            Render(report);
            JoinValidationOutput.Render(join);
            Console.WriteLine($"wrote {path}");
            return ExitCodes.Ok;
        }));

        var outFile = new Option<string>("--out") { Description = "Where to write the coefficients (default data/join-model/coefficients.json)", DefaultValueFactory = _ => "data/join-model/coefficients.json" };
        var ridge = new Option<double>("--ridge")
        {
            Description = "Ridge penalty on every coefficient but the intercept (default 1)",
            DefaultValueFactory = _ => ConditionalLogit.DefaultRidge,
            CustomParser = a =>
            {
                var text = a.Tokens.Count == 0 ? "" : a.Tokens[^1].Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0) return v;
                a.AddError($"--ridge: '{text}' must be a number, 0 or more");
                return ConditionalLogit.DefaultRidge;
            },
        };
        var fitCascade = new CascadeOptionSet();
        var fit = new Command("fit", "Refit the joining model on the wars before 1945 and write its coefficients (docs/validation.md)") { outFile, ridge };
        fitCascade.AddTo(fit);
        fit.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var path = r.GetValue(outFile)!;
            CommonOptions.OutputFile(path, "--out");
            var fitted = JoinValidationOutput.Fit(ws, fitCascade.Read(r), r.GetValue(ridge));
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(path, fitted.ToJson());
            if (r.GetValue(CommonOptions.Json)) Console.WriteLine(fitted.ToJson().TrimEnd());
            else
            {
                Output.Line($"fitted on {fitted.Wars} wars, {fitted.Rows} candidates, {fitted.Joiners} joiners: {fitted}");
                Console.WriteLine($"wrote {path}");
            }
            return ExitCodes.Ok;
        }));
        return new Command("validate", "Check the engine against history") { history, fit };
    }

    private static string F(double? x) => x is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";
    private static string Pct(double? x) => x is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";
    private static string Codes(IEnumerable<Sided> s) => string.Join(" ", s.Select(x => x.State.Code));

    public static void Render(HistoryReport r)
    {
        Output.Heading($"Validation on history: {r.Wars.Count} COW inter-state wars (v4.0), ATOP 5.1 alliances in force on each war's first day");
        foreach (var (name, value, _) in r.Options.Describe()) Output.Line($"  {name} = {value}");
        Output.Line("  hit = a state predicted to join on the side it actually fought on; baseline = every state allied (any ATOP alliance) to an initial belligerent joins its side");
        Output.Table(["war", "name", "start", "actual", "predicted", "hits", "P", "R", "F1", "base pred", "base hits", "base P", "base R", "base F1"],
            r.Wars.Select(w => (IReadOnlyList<string>)
            [
                w.War.Number.ToString(CultureInfo.InvariantCulture), w.War.Name, w.Day.ToString("yyyy-MM-dd"),
                w.Model.Actual.ToString(CultureInfo.InvariantCulture), w.Model.Predicted.ToString(CultureInfo.InvariantCulture), w.Model.Hits.ToString(CultureInfo.InvariantCulture),
                F(w.Model.Precision), F(w.Model.Recall), F(w.Model.F1),
                w.BaselineScore.Predicted.ToString(CultureInfo.InvariantCulture), w.BaselineScore.Hits.ToString(CultureInfo.InvariantCulture),
                F(w.BaselineScore.Precision), F(w.BaselineScore.Recall), F(w.BaselineScore.F1),
            ]));
        Output.SubHeading("Overall (pooled over wars)");
        Output.Table(["", "actual joiners", "predicted", "hits", "precision", "recall", "F1"],
        [
            ["cascade", r.Model.Actual.ToString(CultureInfo.InvariantCulture), r.Model.Predicted.ToString(CultureInfo.InvariantCulture), r.Model.Hits.ToString(CultureInfo.InvariantCulture), F(r.Model.Precision), F(r.Model.Recall), F(r.Model.F1)],
            ["baseline", r.Baseline.Actual.ToString(CultureInfo.InvariantCulture), r.Baseline.Predicted.ToString(CultureInfo.InvariantCulture), r.Baseline.Hits.ToString(CultureInfo.InvariantCulture), F(r.Baseline.Precision), F(r.Baseline.Recall), F(r.Baseline.F1)],
        ]);
        Output.SubHeading("Defence promises triggered by the initial attack, and honoured (the obligor fought on the victim's side)");
        Output.Table(["period", "triggered", "honoured", "share", "published"], r.Defence.Select(d => (IReadOnlyList<string>)
        [
            d.Period, d.Triggered.ToString(CultureInfo.InvariantCulture), d.Honoured.ToString(CultureInfo.InvariantCulture), Pct(d.Share),
            d.Period switch
            {
                "all wars" => "B&F 2018: defence pacts 41 %, all kinds 50 % (1816-2003)",
                "before 1945" => "LLM 2000: 74.5 % all kinds (1816-1944); B&F 2018: 66 %",
                _ => "B&F 2018: 22 % all kinds (1945-2003)",
            },
        ]));
    }

    public static string Csv(HistoryReport r)
    {
        var sb = new StringBuilder("war,name,start,attackers,targets,actual_joiners,predicted_joiners,baseline_joiners,actual,predicted,hits,precision,recall,f1,baseline_predicted,baseline_hits,baseline_precision,baseline_recall,baseline_f1,defence_triggered,defence_honoured\n");
        string Q(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        foreach (var w in r.Wars)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{w.War.Number},{Q(w.War.Name)},{w.Day:yyyy-MM-dd},{string.Join(" ", w.Attackers.Select(s => s.Code))},{string.Join(" ", w.Targets.Select(s => s.Code))},")
              .Append(CultureInfo.InvariantCulture, $"{Codes(w.Actual)},{Codes(w.Predicted)},{Codes(w.Baseline)},")
              .Append(CultureInfo.InvariantCulture, $"{w.Model.Actual},{w.Model.Predicted},{w.Model.Hits},{F(w.Model.Precision)},{F(w.Model.Recall)},{F(w.Model.F1)},")
              .Append(CultureInfo.InvariantCulture, $"{w.BaselineScore.Predicted},{w.BaselineScore.Hits},{F(w.BaselineScore.Precision)},{F(w.BaselineScore.Recall)},{F(w.BaselineScore.F1)},")
              .Append(CultureInfo.InvariantCulture, $"{w.DefenceTriggered},{w.DefenceHonoured}\n");
        }
        return sb.ToString().Replace("—", "");
    }

    private static JsonObject Score(Score s) => new()
    {
        ["actual"] = s.Actual, ["predicted"] = s.Predicted, ["hits"] = s.Hits,
        ["precision"] = s.Precision, ["recall"] = s.Recall, ["f1"] = s.F1,
    };

    public static JsonObject Json(HistoryReport r) => new()
    {
        ["options"] = CascadeJson.Options(r.Options),
        ["overall"] = new JsonObject { ["cascade"] = Score(r.Model), ["baseline"] = Score(r.Baseline) },
        ["defence_honoured"] = new JsonArray(r.Defence.Select(d => (JsonNode)new JsonObject
        {
            ["period"] = d.Period, ["triggered"] = d.Triggered, ["honoured"] = d.Honoured, ["share"] = d.Share,
        }).ToArray()),
        ["wars"] = new JsonArray(r.Wars.Select(w => (JsonNode)new JsonObject
        {
            ["war"] = w.War.Number,
            ["name"] = w.War.Name,
            ["start"] = w.Day.ToString("yyyy-MM-dd"),
            ["attackers"] = new JsonArray(w.Attackers.Select(s => (JsonNode)JsonShapes.State(s)).ToArray()),
            ["targets"] = new JsonArray(w.Targets.Select(s => (JsonNode)JsonShapes.State(s)).ToArray()),
            ["actual"] = Sides(w.Actual),
            ["predicted"] = Sides(w.Predicted),
            ["baseline"] = Sides(w.Baseline),
            ["cascade"] = Score(w.Model),
            ["baseline_score"] = Score(w.BaselineScore),
            ["defence_triggered"] = w.DefenceTriggered,
            ["defence_honoured"] = w.DefenceHonoured,
        }).ToArray()),
    };

    private static JsonArray Sides(IEnumerable<Sided> s) => new(s.Select(x => (JsonNode)new JsonObject
    {
        ["state"] = JsonShapes.State(x.State),
        ["side"] = CascadeJson.Side(x.Side),
    }).ToArray());
}
