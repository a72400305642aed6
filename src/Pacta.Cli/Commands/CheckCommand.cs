using System.CommandLine;
using System.Text.Json.Nodes;
using Pacta.Contracts;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta check [paths]</c>: validate agreement, organization and conflict files.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to check (default: the bundled corpus)", Arity = ArgumentArity.ZeroOrMore };
        var cmd = new Command("check", "Validate agreement files: every error as path:line:column: error CODE: message") { paths };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var given = r.GetValue(paths) ?? [];
            var targets = given.Length > 0 ? given : [ws.CorpusDir];
            var result = ws.Loader.Load(targets, baseCorpusDir: ws.CorpusDir);
            var s = result.Summary;
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(new JsonObject
                {
                    ["files"] = s.Files,
                    ["agreements"] = s.Agreements,
                    ["organizations"] = s.Organizations,
                    ["conflicts"] = s.Conflicts,
                    ["provisions"] = s.Provisions,
                    ["errors"] = new JsonArray(result.Diagnostics.Select(d => (JsonNode)new JsonObject
                    {
                        ["file"] = d.File, ["line"] = d.Line, ["column"] = d.Column, ["code"] = d.Code, ["message"] = d.Message,
                    }).ToArray()),
                }));
            }
            foreach (var d in result.Diagnostics) Console.Error.WriteLine(d);
            if (!r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine($"checked {s.Files} file(s): {s.Agreements} agreement(s), {s.Organizations} organization(s), " +
                                  $"{s.Conflicts} conflict(s), {s.Provisions} provision(s); {s.Errors} error(s)");
            }
            return result.Diagnostics.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        }));
        return cmd;
    }
}
