using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Evaluation;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta compare ID ID … [--reference ID]</c>: agreements side by side on fixed dimensions, one column per
/// agreement; the reference (default: the first id given) comes first and every other value carries a verdict.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Two or more agreement ids (or organization aliases such as nato)", Arity = ArgumentArity.OneOrMore };
        var reference = new Option<string?>("--reference") { Description = "The agreement the others are measured against (default: the first id given)" };
        var format = new Option<string?>("--format") { Description = "Draw the scored dimensions as svg or png (with --out)" };
        var output = new Option<string?>("--out") { Description = "File for --format (default: compare.svg / compare.png)" };
        var reading = ReadingOptions.Create();
        var cmd = new Command("compare", "Compare agreements dimension by dimension (bindingness, strength, trigger, deadline, scope, exit, escape clauses …)") { ids, reference, format, output, reading };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var corpus = ReadingOptions.Apply(r, reading, ws.Corpus);
            var list = (r.GetValue(ids) ?? []).Select(id => ShowCommand.FindAgreement(corpus, id)).ToList();
            if (list.Count < 2) throw new PactaException("compare needs at least two agreement ids");
            if (list.Select(a => a.Id).Distinct().Count() < list.Count) throw new PactaException("compare: an agreement is given twice");
            string? referenceId = null;
            if (r.GetValue(reference) is { } refText)
            {
                referenceId = ShowCommand.FindAgreement(ws.Corpus, refText).Id;
                if (list.All(a => a.Id != referenceId))
                    throw new PactaException($"--reference: '{refText}' is not among the compared agreements ({string.Join(", ", list.Select(a => a.Id))})");
            }
            var fmt = r.GetValue(format);
            if (fmt is not (null or "svg" or "png")) throw new PactaException($"--format: '{fmt}' must be svg or png");
            if (fmt is not null) CommonOptions.OutputFile(r.GetValue(output), "--out");
            var c = Comparer.Compare(corpus, list, referenceId);
            if (fmt is not null)
            {
                // A chart is the output: standard output only names the file (and stays empty with --json's JSON).
                var path = r.GetValue(output) ?? $"compare.{fmt}";
                Charts.CompareChart.Write(c, path, fmt);
                if (!r.GetValue(CommonOptions.Json)) Console.WriteLine($"wrote {path}");
                else Console.WriteLine(JsonShapes.Write(ComparisonJson.Of(c)));
                return ExitCodes.Ok;
            }
            if (r.GetValue(CommonOptions.Json))
            {
                var json = ComparisonJson.Of(c);
                json["readings"] = ReadingsJson.Applied(list);
                Console.WriteLine(JsonShapes.Write(json));
                return ExitCodes.Ok;
            }
            Render(c);
            foreach (var a in list)
                foreach (var x in a.Applied)
                    Output.Line($"reading: {a.Id}{(x.Clause.Provision is { } p ? "/" + p : "")} {x.Clause.Id} = {x.Reading}{(x.IsDefault ? " (default)" : "")}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>One row per dimension, one column per agreement (the reference first), then the longer notes.</summary>
    public static void Render(Comparison c)
    {
        var headers = new List<string> { "dimension" };
        headers.AddRange(c.Agreements.Select((a, i) => i == 0 ? $"{a.Id} (reference)" : a.Id));
        var rows = c.Rows.Select(row => (IReadOnlyList<string>)[row.Dimension, .. row.Values.Select((v, i) =>
            i == 0 || row.Verdicts[i] is "same" ? v.Text : $"{v.Text} — {row.Verdicts[i]}")]).ToList();
        var title = $"Reference: {c.Agreements[0].Id} — {c.Agreements[0].ShortTitle ?? c.Agreements[0].Title}";
        if (Output.Plain)
        {
            Output.Line(title);
            Console.Write(Output.Safe(WrappedTable.Render(headers, rows, Math.Max(24, 96 / c.Agreements.Count))));
        }
        else Output.Table(headers, rows, title);
        var notes = c.Rows.SelectMany(row => row.Values.Select((v, i) => (row.Dimension, c.Agreements[i].Id, v.Note))).Where(x => x.Note is not null).ToList();
        if (notes.Count == 0) return;
        Output.Line();
        Output.Line("Notes:");
        foreach (var (dimension, id, note) in notes) Output.Line($"  {id}, {dimension}: {note}");
    }
}
