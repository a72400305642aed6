using System.CommandLine;
using System.Globalization;
using System.Text;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta exposure</c>: for one day, the deterministic cascade of every ordered pair of states in the system —
/// how large the war, which major powers at war — as CSV and a heat map.
/// </summary>
public static class ExposureCommand
{
    public static Command Create()
    {
        var date = new Option<string>("--date") { Description = "The day, YYYY-MM-DD", Required = true };
        var csv = new Option<string?>("--csv") { Description = "Write the matrix as CSV (one row per ordered pair) to this file" };
        var format = new Option<string?>("--format") { Description = "Draw the heat map as svg or png (with --out)" };
        var output = new Option<string?>("--out") { Description = "File for --format (default exposure.svg / exposure.png)" };
        var top = CommonOptions.Number("--top", "Pairs to list in the text output (default 20)", 20, 0, int.MaxValue);
        var cascade = new CascadeOptionSet();
        var assume = new AssumptionOptions();
        var cmd = new Command("exposure", "For a day: the deterministic cascade of every ordered pair of states (size of war, major powers drawn in)")
        {
            date, csv, format, output, top,
        };
        assume.AddTo(cmd);
        cascade.AddTo(cmd);
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var day = CommonOptions.Date(r.GetValue(date), "--date");
            var fmt = r.GetValue(format);
            if (fmt is not (null or "svg" or "png")) throw new PactaException($"--format: '{fmt}' must be svg or png");
            if (fmt is not null) CommonOptions.OutputFile(r.GetValue(output), "--out");
            CommonOptions.OutputFile(r.GetValue(csv), "--csv");
            var corpus = ws.Corpus;
            var majors = CascadeData.Majors().On(day);
            var assumptions = assume.Read(r, ws);
            var m = Exposure.Compute(corpus, day, assumptions, cascade.Read(r), majors, invocation: CorpusInvocation.Load(ws));
            var quiet = r.GetValue(CommonOptions.Json);
            if (r.GetValue(csv) is { } path)
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (dir is not null) Directory.CreateDirectory(dir);
                File.WriteAllText(path, Csv(m, corpus.States));
                if (!quiet) Console.WriteLine($"wrote {path}");
            }
            if (fmt is not null)
            {
                var chart = r.GetValue(output) ?? $"exposure.{fmt}";
                Charts.ExposureChart.Write(m, chart, fmt);
                if (!quiet) Console.WriteLine($"wrote {chart}");
                // A chart is the output asked for: standard output names the files, it does not repeat the text.
                if (!quiet) return ExitCodes.Ok;
            }
            if (quiet)
            {
                var json = CascadeJson.Exposure(m, majors);
                json["assumptions"] = OutcomeJson.Assumptions(corpus, assumptions);
                Console.WriteLine(JsonShapes.Write(json));
                return ExitCodes.Ok;
            }
            Render(m, corpus.States, assumptions, majors, r.GetValue(top));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static string Csv(ExposureMatrix m, StateRegistry states)
    {
        var sb = new StringBuilder("attacker_cow,attacker,target_cow,target,belligerents,attacker_side,defender_side,supporters,rounds,major_powers,major_power_codes\n");
        foreach (var c in CascadeJson.Cells(m))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c.Attacker.Cow},{c.Attacker.Code},{c.Target.Cow},{c.Target.Code},{c.Belligerents},{c.AttackerSide},{c.DefenderSide},{c.Supporters},{c.Rounds},{c.Majors.Count},");
            sb.Append(string.Join(';', c.Majors.Select(x => states.ByCow(x)?.Code ?? x.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }
        return sb.ToString();
    }

    private static void Render(ExposureMatrix m, StateRegistry states, Assumptions assumptions, ISet<int> majors, int top)
    {
        var cells = CascadeJson.Cells(m).ToList();
        Output.Heading($"Exposure on {m.Day:yyyy-MM-dd}: {m.States.Count} states, {cells.Count:N0} ordered pairs");
        foreach (var c in assumptions.Ceasefires) Output.Line($"  assumed ceasefire: {c.Conflict ?? "all open conflicts"} from {c.From:yyyy-MM-dd}");
        foreach (var a in assumptions.Adopted) Output.Line($"  assumed adopted: {a.Agreement}{(a.From is { } f ? $" from {f:yyyy-MM-dd}" : "")} (hypothetical)");
        foreach (var x in assumptions.Members)
            Output.Line($"  assumed member: {states.ByCow(x.State)?.Code ?? $"COW {x.State}"} of {x.Of}{(x.From is { } f ? $" from {f:yyyy-MM-dd}" : "")}");
        foreach (var (name, value, _) in m.Options.Describe()) Output.Line($"  {name} = {value}");
        Output.Line($"  major powers: {string.Join(", ", majors.Order().Select(x => states.ByCow(x)?.Code ?? "?"))}");
        Output.Line($"  pairs that draw in a third state: {cells.Count(c => c.Belligerents > 2):N0}; that put two or more major powers at war: {cells.Count(c => c.Majors.Count >= 2):N0}");
        Output.SubHeading($"Largest wars (top {top})");
        Output.Table(["attacker", "target", "belligerents", "attacker side", "defender side", "supporters", "rounds", "major powers"],
            cells.OrderByDescending(c => c.Belligerents).ThenByDescending(c => c.Majors.Count).ThenBy(c => c.Attacker.Cow).ThenBy(c => c.Target.Cow).Take(top)
                .Select(c => (IReadOnlyList<string>)[c.Attacker.Code, c.Target.Code, c.Belligerents.ToString(CultureInfo.InvariantCulture),
                    c.AttackerSide.ToString(CultureInfo.InvariantCulture), c.DefenderSide.ToString(CultureInfo.InvariantCulture),
                    c.Supporters.ToString(CultureInfo.InvariantCulture), c.Rounds.ToString(CultureInfo.InvariantCulture),
                    string.Join(" ", c.Majors.Select(x => states.ByCow(x)?.Code ?? "?"))]));
    }
}
