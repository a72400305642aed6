using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta check [paths]</c>: validate agreement, organization and conflict files.</summary>
public static class CheckCommand
{
    /// <summary>Errors printed by default: a file with a hundred thousand mistakes should not flood the terminal.</summary>
    public const int DefaultMaxErrors = 100;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to check (default: the bundled corpus)", Arity = ArgumentArity.ZeroOrMore };
        var maxErrors = CommonOptions.Number("--max-errors", $"Errors to print before '… and N more' (default {DefaultMaxErrors}; 0 prints all)", DefaultMaxErrors, 0, int.MaxValue);
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on source-hygiene warnings too, not only on errors" };
        var cmd = new Command("check", "Validate agreement files: every error as path:line:column: error CODE: message; source-hygiene warnings as warning CODE") { paths, maxErrors, strict };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var given = r.GetValue(paths) ?? [];
            var targets = given.Length > 0 ? given : [ws.CorpusDir];
            var result = ws.Loader.Load(targets, baseCorpusDir: ws.CorpusDir);
            var s = result.Summary;
            var cap = r.GetValue(maxErrors) is var m and > 0 ? m : int.MaxValue;
            var shown = result.Diagnostics.Take(cap).ToList();
            var more = result.Diagnostics.Count - shown.Count;
            var shownWarnings = result.Warnings.Take(cap).ToList();
            var moreWarnings = result.Warnings.Count - shownWarnings.Count;
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(new JsonObject
                {
                    ["files"] = s.Files,
                    ["agreements"] = s.Agreements,
                    ["organizations"] = s.Organizations,
                    ["conflicts"] = s.Conflicts,
                    ["provisions"] = s.Provisions,
                    ["error_count"] = result.Diagnostics.Count,
                    ["errors"] = new JsonArray(shown.Select(d => (JsonNode)new JsonObject
                    {
                        ["file"] = d.File, ["line"] = d.Line, ["column"] = d.Column, ["code"] = d.Code, ["message"] = d.Message,
                    }).ToArray()),
                    ["warning_count"] = result.Warnings.Count,
                    ["warnings"] = new JsonArray(shownWarnings.Select(d => (JsonNode)new JsonObject
                    {
                        ["file"] = d.File, ["line"] = d.Line, ["column"] = d.Column, ["code"] = d.Code, ["message"] = d.Message,
                    }).ToArray()),
                }));
            }
            foreach (var d in shown) Console.Error.WriteLine(Output.Safe(d.ToString()));
            if (more > 0) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {more:N0} more error(s) (--max-errors 0 prints all)"));
            foreach (var d in shownWarnings) Console.Error.WriteLine(Output.Safe(d.ToString()));
            if (moreWarnings > 0) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {moreWarnings:N0} more warning(s) (--max-errors 0 prints all)"));
            if (!r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine($"checked {s.Files} file(s): {s.Agreements} agreement(s), {s.Organizations} organization(s), " +
                                  $"{s.Conflicts} conflict(s), {s.Provisions} provision(s); {s.Errors} error(s)" +
                                  (result.Warnings.Count > 0 ? $", {result.Warnings.Count} warning(s)" : ""));
            }
            var failed = result.Diagnostics.Count > 0 || (r.GetValue(strict) && result.Warnings.Count > 0);
            return failed ? ExitCodes.Invalid : ExitCodes.Ok;
        }));
        return cmd;
    }
}
