using System.CommandLine;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Datasets.Atop;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta import atop DIR</c>: validates an ATOP release folder and, only when it has no errors, installs it in
/// the user data folder and switches to it atomically (<see cref="AtopInstallation"/>), where later runs find it
/// (<see cref="PactaWorkspace.AtopDir"/>). <c>--reset</c> goes back to the bundled release. Folders are shown as
/// <c>$PACTA_DATA_DIR/…</c> or <c>~/…</c>, never as absolute paths.
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
        var cmd = new Command("atop", "Validate an ATOP release folder and use it from now on (switched atomically; refused whole if any row has an error)") { dir, reset };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var userData = PactaWorkspace.UserDataDir;
            var folder = r.GetValue(dir);
            if (r.GetValue(reset))
            {
                if (folder is not null) throw new PactaException("import atop: give either DIR or --reset, not both");
                AtopInstallation.Recover(userData);
                var had = AtopInstallation.Remove(userData);
                Done(r, had ? "removed the imported ATOP release; using the bundled one" : "no imported ATOP release; using the bundled one",
                    "data/atop", null);
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
            AtopInstallation.Recover(userData);
            var installed = AtopInstallation.Install([release.AllianceFile, release.MemberFile, .. Extras(folder)], userData);
            Done(r, $"imported ATOP {release.Version}: {release.Alliances.Count} alliances, {release.Alliances.Sum(a => a.Members.Count)} member rows, "
                + $"covering up to {release.CoverageEnd:yyyy-MM-dd}", PactaWorkspace.DisplayPath(installed), release.Version);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Provenance notes travel with the release; other files (codebooks, NNA variants) are not needed.</summary>
    private static IEnumerable<string> Extras(string folder) =>
        Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal);

    private static void Done(ParseResult r, string message, string folder, string? version)
    {
        if (r.GetValue(CommonOptions.Json))
            Console.WriteLine(JsonShapes.Write(new JsonObject { ["folder"] = folder, ["version"] = version, ["message"] = message }));
        else
            Console.WriteLine($"{message} ({folder})");
    }
}
