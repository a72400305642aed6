using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Evaluation;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta compare ID ID …</c>: agreements side by side on fixed dimensions; the first is the reference.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Two or more agreement ids; the first is the reference", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "Draw the scored dimensions as svg or png (with --out)" };
        var output = new Option<string?>("--out") { Description = "File for --format (default: compare.svg / compare.png)" };
        var reading = ReadingOptions.Create();
        var cmd = new Command("compare", "Compare agreements dimension by dimension (bindingness, strength, trigger, deadline, scope, exit, escape clauses …)") { ids, format, output, reading };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var corpus = ReadingOptions.Apply(r, reading, ws.Corpus);
            var list = (r.GetValue(ids) ?? []).Select(id => ShowCommand.FindAgreement(corpus, id)).ToList();
            if (list.Count < 2) throw new PactaException("compare needs at least two agreement ids");
            var fmt = r.GetValue(format);
            if (fmt is not (null or "svg" or "png")) throw new PactaException($"--format: '{fmt}' must be svg or png");
            if (fmt is not null) CommonOptions.OutputFile(r.GetValue(output), "--out");
            var c = Comparer.Compare(corpus, list);
            if (fmt is not null)
            {
                var path = r.GetValue(output) ?? $"compare.{fmt}";
                Charts.CompareChart.Write(c, path, fmt);
                if (!r.GetValue(CommonOptions.Json)) Console.WriteLine($"wrote {path}");
            }
            if (r.GetValue(CommonOptions.Json))
            {
                var json = ComparisonJson.Of(c);
                json["readings"] = ReadingsJson.Applied(list);
                Console.WriteLine(JsonShapes.Write(json));
                return ExitCodes.Ok;
            }
            if (Output.Plain)
            {
                // Piped: one block per dimension, one line per agreement, so long values stay readable.
                Output.Heading($"Compared with {list[0].Id} (the reference)");
                foreach (var row in c.Rows)
                {
                    Output.Line();
                    Output.Line($"{row.Dimension} — {row.Meaning}");
                    for (var i = 0; i < list.Count; i++)
                        Output.Line($"  {list[i].Id,-32} {row.Values[i].Text}{(i == 0 ? "" : $"  [{row.Verdicts[i]}]")}");
                }
            }
            else
            {
                // Rendered below the table: the readings the comparison used.
                var headers = new List<string> { "dimension" };
                headers.AddRange(list.Select(a => a.Id));
                Output.Table(headers, c.Rows.Select(row => (IReadOnlyList<string>)[row.Dimension, .. row.Values.Select((v, i) =>
                    i == 0 ? v.Text : $"{v.Text} [{row.Verdicts[i]}]")]), title: $"Compared with {list[0].Id} (the reference)");
            }
            foreach (var a in list)
                foreach (var x in a.Applied)
                    Output.Line($"reading: {a.Id}{(x.Clause.Provision is { } p ? "/" + p : "")} {x.Clause.Id} = {x.Reading}{(x.IsDefault ? " (default)" : "")}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
