using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta readings</c>: every contested clause of the corpus, its readings with their sources, and the default with its reason.</summary>
public static class ReadingsCommand
{
    public static Command Create()
    {
        var agreement = new Option<string?>("--agreement") { Description = "Only the clauses of this agreement" };
        var cmd = new Command("readings", "List the contested clauses: each reading with its sources, the default and why (choose another with --reading)") { agreement };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var corpus = ws.Corpus;
            var only = r.GetValue(agreement) is { } id ? ShowCommand.FindAgreement(corpus, id) : null;
            var agreements = corpus.Agreements.Where(a => a.Contested.Count > 0 && (only is null || a.Id == only.Id)).ToList();
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(new System.Text.Json.Nodes.JsonObject
                {
                    ["clauses"] = new System.Text.Json.Nodes.JsonArray([.. agreements.SelectMany(a => a.Contested.Select(c => (System.Text.Json.Nodes.JsonNode)ReadingsJson.Clause(a, c)))]),
                }));
                return ExitCodes.Ok;
            }
            var count = agreements.Sum(a => a.Contested.Count);
            Output.Heading($"Contested clauses ({count} in {agreements.Count} agreement(s))");
            foreach (var a in agreements)
            {
                foreach (var c in a.Contested)
                {
                    var citation = c.Provision is { } p ? a.Provisions.FirstOrDefault(x => x.Id == p)?.Citation : null;
                    Output.Line();
                    Output.Line($"{a.Id}{(c.Provision is null ? "" : "/" + c.Provision)}  {c.Id}{(citation is null ? "" : $"  ({citation})")}");
                    Output.Line($"  {c.Question}");
                    foreach (var x in c.Readings)
                    {
                        Output.Line($"  {(x.Id == c.Default ? "*" : "-")} {x.Id}: {x.Summary}");
                        foreach (var s in x.Sources)
                            Output.Line($"      {s}: {a.Sources.FirstOrDefault(q => q.Id == s)?.Url}");
                    }
                    Output.Line($"  default {c.Default}: {c.DefaultReason}");
                }
            }
            Output.Line();
            Output.Line("Choose a reading with --reading CLAUSE=READING (everywhere), AGREEMENT:CLAUSE=READING or AGREEMENT/PROVISION:CLAUSE=READING.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
