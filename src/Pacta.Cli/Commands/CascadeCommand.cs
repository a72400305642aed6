using System.CommandLine;
using System.Globalization;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta cascade</c>: round by round, which states an attack draws into the war through triggered obligations,
/// on which side and by which path; with <c>--trials</c>, how likely each is when promises are honoured only with
/// the probabilities the literature reports.
/// </summary>
public static class CascadeCommand
{
    public static Command Create()
    {
        var scenario = new ScenarioOptions();
        var cascade = new CascadeOptionSet();
        var trials = CommonOptions.Number("--trials", "Monte Carlo trials (0: deterministic only)", 0L, 0L, long.MaxValue);
        var seed = CommonOptions.Number("--seed", "Seed of the Monte Carlo generator (default 1)", 1UL, 0UL, ulong.MaxValue);
        var preset = new Option<string>("--preset")
        {
            Description = $"Honour probabilities from the literature: {string.Join(", ", HonourPresets.All.Select(p => p.Id))} (default {HonourPresets.Default.Id})",
            DefaultValueFactory = _ => HonourPresets.Default.Id,
        };
        var p = new Option<string[]>("--p") { Description = "Override a probability: AGREEMENT=P, KIND=P (defense, consultation …), strength:WORD=FACTOR or bindingness:WORD=FACTOR" };
        var pair = new Option<string[]>("--pair") { Description = "Report P(A and B at war with each other), as A:B (e.g. USA:RUS)" };
        var threads = CommonOptions.Number("--threads", "Monte Carlo threads (default: all cores; the result does not depend on it)", 0, 0, 1024);
        var graphml = new Option<string?>("--graphml") { Description = "Write the cascade as GraphML to this file" };
        var dot = new Option<string?>("--dot") { Description = "Write the cascade as Graphviz DOT to this file" };
        var format = new Option<string?>("--format") { Description = "Draw the rounds as svg or png (with --out)" };
        var output = new Option<string?>("--out") { Description = "File for --format (default cascade.svg / cascade.png)" };
        var cmd = new Command("cascade", "Escalation: the states an attack draws in, round by round, with the obligations that draw them (and, with --trials, probabilities)")
        {
            trials, seed, preset, p, pair, threads, graphml, dot, format, output,
        };
        scenario.AddTo(cmd);
        cascade.AddTo(cmd);
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var fmt = r.GetValue(format);
            if (fmt is not (null or "svg" or "png")) throw new PactaException($"--format: '{fmt}' must be svg or png");
            if (fmt is not null) CommonOptions.OutputFile(r.GetValue(output), "--out");
            CommonOptions.OutputFile(r.GetValue(graphml), "--graphml");
            CommonOptions.OutputFile(r.GetValue(dot), "--dot");
            var (e, assumptions, corpus, choices) = scenario.ReadWithChoices(r, ws);
            var options = cascade.Read(r);
            var n = r.GetValue(trials);
            if (n < 0) throw new PactaException("--trials: must be 0 or more");
            var model = Model(r.GetValue(preset)!, r.GetValue(p) ?? [], corpus);
            var pairs = (r.GetValue(pair) ?? []).Select(x => Pair(ws, x)).ToList();

            if (n > 0 && options.JoinerAttacks == JoinerAttacks.AllEnemies)
                throw new PactaException("--trials: Monte Carlo needs --joiner-attacks counter-attack or none (all-enemies has no fixed event graph)");
            // The graph is built from the corpus under the chosen readings, not only the readings listed in the output.
            var session = new PactaSession(ws).WithReadings(choices);
            var (result, mc) = session.Cascade(e, assumptions, options, model, n, r.GetValue(seed), pairs.Select(x => (x.Item1.Cow, x.Item2.Cow)).ToList(), r.GetValue(threads));

            var quiet = r.GetValue(CommonOptions.Json);
            void Wrote(string path) { if (!quiet) Console.WriteLine($"wrote {path}"); }
            if (r.GetValue(graphml) is { } gm) { Write(gm, CascadeGraphFormats.GraphMl(result)); Wrote(gm); }
            if (r.GetValue(dot) is { } d) { Write(d, CascadeGraphFormats.Dot(result)); Wrote(d); }
            if (fmt is not null)
            {
                var path = r.GetValue(output) ?? $"cascade.{fmt}";
                Charts.CascadeChart.Write(result, mc, path, fmt);
                Wrote(path);
                // A chart is the output asked for: standard output names the files, it does not repeat the text.
                if (!quiet) return ExitCodes.Ok;
            }
            if (quiet)
            {
                var json = CascadeJson.Cascade(corpus, e, result, mc);
                json["readings"] = ReadingsJson.Applied(corpus.Agreements.Where(a => a.Applied.Count > 0)); // the cascade weighs every agreement
                Console.WriteLine(JsonShapes.Write(json));
                return ExitCodes.Ok;
            }
            CascadeText.Render(e, result);
            // Non-default readings only: the defaults are listed by pacta readings, and the cascade weighs every agreement.
            var chosen = ReadingsText.Of(corpus.Agreements).Where(x => !x.Reading.IsDefault).ToList();
            if (chosen.Count == 0) Output.Field("Readings", "the default of every contested clause (pacta readings lists them)");
            else ReadingsText.Fields(chosen);
            if (mc is not null) CascadeText.RenderMonteCarlo(mc);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Write(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text);
    }

    private static (State, State) Pair(PactaWorkspace ws, string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2) throw new PactaException($"--pair: '{text}' must be A:B (e.g. USA:RUS)");
        return (ws.ResolveState(parts[0], "--pair"), ws.ResolveState(parts[1], "--pair"));
    }

    public static HonourModel Model(string presetId, IEnumerable<string> overrides, Corpus corpus)
    {
        var preset = HonourPresets.Find(presetId)
            ?? throw new PactaException($"--preset: unknown preset '{presetId}'{Suggest.DidYouMean(presetId, HonourPresets.All.Select(x => x.Id))}");
        var byAgreement = new Dictionary<string, double>(StringComparer.Ordinal);
        var byKind = new Dictionary<ProvisionKind, double>();
        var strength = new Dictionary<Strength, double>();
        var binding = new Dictionary<Bindingness, double>();
        foreach (var o in overrides)
        {
            var eq = o.LastIndexOf('=');
            if (eq <= 0) throw new PactaException($"--p: '{o}' must be KEY=P");
            var key = o[..eq];
            var value = o[(eq + 1)..];
            if (key.StartsWith("strength:", StringComparison.Ordinal))
            {
                if (!Words.TryParse<Strength>(key[9..], out var s)) throw new PactaException($"--p: '{key[9..]}' is not a strength ({string.Join(", ", Words.All<Strength>())})");
                strength[s] = Factor(value);
            }
            else if (key.StartsWith("bindingness:", StringComparison.Ordinal))
            {
                if (!Words.TryParse<Bindingness>(key[12..], out var b)) throw new PactaException($"--p: '{key[12..]}' is not a bindingness ({string.Join(", ", Words.All<Bindingness>())})");
                binding[b] = Factor(value);
            }
            else if (Words.TryParse<ProvisionKind>(key, out var kind)) byKind[kind] = CascadeOptionSet.Probability(value, "--p");
            else if (corpus.Agreement(key) is not null) byAgreement[key] = CascadeOptionSet.Probability(value, "--p");
            else throw new PactaException($"--p: '{key}' is neither a provision kind nor an agreement{Suggest.DidYouMean(key, Words.All<ProvisionKind>().Concat(corpus.Agreements.Select(a => a.Id)))}");
        }
        return new HonourModel(preset, byAgreement, byKind, strength, binding);
    }

    private static double Factor(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f >= 0 && !double.IsNaN(f)
            ? f : throw new PactaException($"--p: factor '{text}' must be a number ≥ 0");
}
