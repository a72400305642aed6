using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta states [QUERY]</c>: the state registry, or the state a query resolves to.</summary>
public static class StatesCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "COW number, COW letters, ISO3, ISO2 or an English name", Arity = ArgumentArity.ZeroOrOne };
        var on = new Option<string?>("--on") { Description = "Only states that are members of the state system on this day" };
        var cmd = new Command("states", "List states, or resolve one (any code or an unambiguous name)") { query, on };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var day = CommonOptions.OptionalDate(r.GetValue(on), "--on");
            IEnumerable<State> states = ws.States.All;
            if (r.GetValue(query) is { } q) states = [ws.ResolveState(q, "state")];
            if (day is { } d) states = states.Where(s => s.IsSystemMemberOn(d));
            var list = states.ToList();
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(new JsonArray(list.Select(s => (JsonNode)JsonShapes.StateDetail(s)).ToArray())));
                return ExitCodes.Ok;
            }
            Output.Table(["cow", "cowc", "iso3", "iso2", "name", "in the state system"], list.Select(s => (IReadOnlyList<string>)
            [
                s.Cow.ToString(CultureInfo.InvariantCulture), s.Cowc, s.Iso3 ?? "", s.Iso2 ?? "", s.Name + (s.Note is null ? "" : " *"),
                string.Join("; ", s.Spells.Select(x => x.ToString())),
            ]));
            Console.WriteLine($"{list.Count} state(s)");
            foreach (var s in list.Where(s => s.Note is not null)) Output.Line($"* {s.Name} (COW {s.Cow}): {s.Note}");
            foreach (var s in list.Where(s => s.CowLabel is not null))
                Output.Line($"{s.Name} (COW {s.Cow}) has no ISO code; its COW letters {s.Cowc} are another state's ISO alpha-3 code, so text output labels it {s.CowLabel}.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
