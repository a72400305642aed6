using System.CommandLine;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Datasets.Atop;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta import atop DIR</c>: validates an ATOP release folder and, only when it has no errors, installs it in
/// the user data folder, where later runs find it (<see cref="Workspace.AtopDir"/>). <c>--reset</c> goes back to
/// the bundled release.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var cmd = new Command("import", "Import a newer release of a dataset Pacta uses");
        cmd.Subcommands.Add(Atop());
        return cmd;
    }

    private static Command Atop()
    {
        var dir = new Argument<string?>("dir") { Description = "Folder with atopX_Ya.csv and atopX_Ym.csv", Arity = ArgumentArity.ZeroOrOne };
        var reset = new Option<bool>("--reset") { Description = "Remove the imported release and use the bundled one again" };
        var cmd = new Command("atop", "Validate an ATOP release folder and use it from now on") { dir, reset };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var target = Path.Combine(Workspace.UserDataDir, "atop");
            var folder = r.GetValue(dir);
            if (r.GetValue(reset))
            {
                if (folder is not null) throw new PactaException("import atop: give either DIR or --reset, not both");
                var had = Directory.Exists(target);
                if (had) RemoveAtomically(target);
                Done(r, had ? "removed the imported ATOP release; using the bundled one" : "no imported ATOP release; using the bundled one",
                    Path.Combine(Workspace.DataDir, "atop"), null);
                return ExitCodes.Ok;
            }
            if (folder is null) throw new PactaException("import atop: give the release folder (DIR) or --reset");

            var result = AtopImporter.ImportFolder(folder);
            if (!result.Ok)
            {
                // Located errors as the contract writes them: file:line:column: error CODE: message.
                foreach (var e in result.Errors) Console.Error.WriteLine(e.ToString());
                Output.Error($"{folder}: {result.Errors.Count} error(s); nothing imported");
                return ExitCodes.Invalid;
            }
            var release = result.Release!;
            Install([release.AllianceFile, release.MemberFile, .. Extras(folder)], target);
            Done(r, $"imported ATOP {release.Version}: {release.Alliances.Count} alliances, {release.Alliances.Sum(a => a.Members.Count)} member rows, "
                + $"covering up to {release.CoverageEnd:yyyy-MM-dd}", target, release.Version);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Provenance notes travel with the release; other files (codebooks, NNA variants) are not needed.</summary>
    private static IEnumerable<string> Extras(string folder) =>
        Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal);

    /// <summary>Copies into a temporary folder beside the target, then swaps it in with renames.</summary>
    private static void Install(IEnumerable<string> files, string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".atop-import-{Environment.ProcessId}");
        var old = Path.Combine(parent, $".atop-old-{Environment.ProcessId}");
        try
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, true);
            Directory.CreateDirectory(temp);
            foreach (var f in files.Distinct()) File.Copy(f, Path.Combine(temp, Path.GetFileName(f)));
            if (Directory.Exists(target)) Directory.Move(target, old);
            Directory.Move(temp, target);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, true);
            if (Directory.Exists(old))
            {
                if (Directory.Exists(target)) Directory.Delete(old, true);
                else Directory.Move(old, target); // the swap failed: put the previous release back
            }
        }
    }

    private static void RemoveAtomically(string target)
    {
        var gone = target + $".removed-{Environment.ProcessId}";
        Directory.Move(target, gone);
        Directory.Delete(gone, true);
    }

    private static void Done(ParseResult r, string message, string folder, string? version)
    {
        if (r.GetValue(CommonOptions.Json))
            Console.WriteLine(JsonShapes.Write(new JsonObject { ["folder"] = folder, ["version"] = version, ["message"] = message }));
        else
            Console.WriteLine($"{message} ({folder})");
    }
}
