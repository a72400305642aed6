using System.CommandLine;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta cite</c>: version, licence and citation of every dataset Pacta ships (data/datasets.json).</summary>
public static class CiteCommand
{
    public static Command Create()
    {
        var cmd = new Command("cite", "Citations, versions and licences of the datasets Pacta ships");
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var path = Path.Combine(PactaWorkspace.DataDir, "datasets.json");
            if (!File.Exists(path)) throw new PactaException($"{path}: the dataset manifest is missing");
            var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(manifest));
                return ExitCodes.Ok;
            }
            foreach (var d in manifest)
            {
                Output.SubHeading($"{d!["name"]} — version {d["version"]}");
                Output.Field("Citation", (string?)d["citation"]);
                Output.Field("Licence", (string?)d["licence"]);
                Output.Field("Source", (string?)d["source"]);
                Output.Field("Files", string.Join(", ", d["files"]!.AsArray().Select(f => (string?)f!["path"])));
                Output.Field("Used for", (string?)d["used_for"]);
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
