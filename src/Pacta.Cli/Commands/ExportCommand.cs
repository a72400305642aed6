using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Datasets;
using Pacta.Datasets.Modern;
using Pacta.Domain;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta export atop-extension --out DIR</c>: Pacta's own alliances made after the ATOP release, in ATOP's
/// member-level and alliance-level layout (atop-extension_m.csv, atop-extension_a.csv; docs/datasets.md).
/// </summary>
public static class ExportCommand
{
    public const string MemberFile = "atop-extension_m.csv";
    public const string AllianceFile = "atop-extension_a.csv";

    public static Command Create()
    {
        var export = new Command("export", "Write Pacta's codings in another dataset's layout");
        var output = new Option<string?>("--out", "-o") { Description = "Folder for atop-extension_m.csv and atop-extension_a.csv (created if missing)", Required = true };
        var political = new Option<bool>("--include-political") { Description = "Also export political commitments and proposals (ATOP counts only binding treaties)" };
        var atop = new Command("atop-extension", "Write Pacta's alliances made after the ATOP release in ATOP 5.1's member- and alliance-level layout")
        {
            output, political,
        };
        atop.SetAction(r => Cli.Run(r, () =>
        {
            var dir = r.GetValue(output)!;
            if (File.Exists(dir)) throw new PactaException($"--out {dir}: is a file, not a folder");
            var ws = CommonOptions.Workspace(r);
            var release = ws.Atop;
            var includePolitical = r.GetValue(political);
            var lastYear = DateTime.UtcNow.Year;
            var continuous = DyadDatasets.Continuous(release, ws.Corpus, lastYear, includePolitical, CorpusReviews.LoadDecisions(ws));
            var entries = AtopExtension.Select(continuous, ws.Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta), new DateOnly(lastYear, 12, 31), includePolitical);
            var members = new StringWriter(CultureInfo.InvariantCulture);
            var alliances = new StringWriter(CultureInfo.InvariantCulture);
            var memberRows = AtopExtension.WriteMembers(members, entries);
            var allianceRows = AtopExtension.WriteAlliances(alliances, entries);
            try
            {
                Directory.CreateDirectory(dir);
                // Both files are written in full under temporary names first: no partial pair is ever left behind.
                var mt = Path.Combine(dir, $".{MemberFile}.{Environment.ProcessId}.tmp");
                var at = Path.Combine(dir, $".{AllianceFile}.{Environment.ProcessId}.tmp");
                File.WriteAllText(mt, members.ToString(), new UTF8Encoding(false));
                File.WriteAllText(at, alliances.ToString(), new UTF8Encoding(false));
                File.Move(mt, Path.Combine(dir, MemberFile), overwrite: true);
                File.Move(at, Path.Combine(dir, AllianceFile), overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PactaException($"--out {dir}: cannot write: {e.Message}");
            }
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(new JsonObject
                {
                    ["folder"] = dir, ["alliances"] = allianceRows, ["member_rows"] = memberRows,
                    ["first_id"] = ModernAlliances.FirstOwnId,
                }));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {allianceRows} alliances ({memberRows} member rows, ids from {ModernAlliances.FirstOwnId}) to {Path.Combine(dir, AllianceFile)} and {Path.Combine(dir, MemberFile)}"));
            }
            return ExitCodes.Ok;
        }));
        export.Subcommands.Add(atop);
        return export;
    }
}
