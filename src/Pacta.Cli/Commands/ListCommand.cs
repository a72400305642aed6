using System.CommandLine;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta list [--in-force-on DATE] [--party STATE] [--origin pacta|atop|all]</c>; hand-encoded agreements unless --origin says otherwise.</summary>
public static class ListCommand
{
    public static Command Create()
    {
        var on = new Option<string?>("--in-force-on") { Description = "Only agreements in force on this day (YYYY-MM-DD)" };
        var party = new Option<string?>("--party") { Description = "Only agreements this state is a party of (on --in-force-on, if given)" };
        var origin = CommonOptions.OneOf("--origin", "pacta (hand-encoded, the default), atop (imported from ATOP) or all", [.. Words.All<AgreementOrigin>(), "all"]);
        var cmd = new Command("list", "List agreements, optionally those in force on a day and with a given party") { on, party, origin };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var day = CommonOptions.OptionalDate(r.GetValue(on), "--in-force-on");
            var state = r.GetValue(party) is { } p ? ws.ResolveState(p, "--party") : null;
            var corpus = ws.Corpus;
            // Like the web app, the hand-encoded agreements by default: ATOP's 780 alliances are there with --origin.
            // Parsed once here: null stands for all.
            AgreementOrigin? from = r.GetValue(origin) is { } w ? Words.TryParse<AgreementOrigin>(w, out var o) ? o : null : AgreementOrigin.Pacta;
            bool Matches(Agreement a) => (day is null || a.InForceOn(day.Value))
                && (state is null || (day is { } d ? corpus.PartiesOn(a, d).Any(x => x.State == state.Cow) : corpus.EverParties(a).Contains(state.Cow)));
            var rows = corpus.Agreements.Where(a => (from is null || a.Origin == from) && Matches(a)).ToList();
            var others = r.GetValue(origin) is null ? corpus.Agreements.Count(a => a.Origin != AgreementOrigin.Pacta && Matches(a)) : 0;
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(new JsonArray(rows.Select(a => (JsonNode)JsonShapes.AgreementSummary(corpus, a, day)).ToArray())));
                return ExitCodes.Ok;
            }
            Output.Table(["id", "title", "form", "bindingness", "status", "in force", "provisions"],
                rows.Select(a => (IReadOnlyList<string>)
                [
                    a.Id, Trim(a.ShortTitle ?? a.Title, 60), Words.Of(a.Form), Words.Of(a.Bindingness), Words.Of(a.Status),
                    a.Dates.InForceOn is null ? "not in force" : a.InForce.ToString(), a.Provisions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ]));
            Console.WriteLine($"{rows.Count} agreement(s){(others > 0 ? $"; {others} more imported from ATOP with --origin atop or --origin all" : "")}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
