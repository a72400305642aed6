using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Datasets.Modern;
using Pacta.Domain;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta reviews [--status S] [--markdown]</c>: every ATOP alliance open at the end of the release with what its
/// review (corpus/reviews) decided — continued, ended, changed, suspended — or <c>unreviewed</c> when none covers it.
/// </summary>
public static class ReviewsCommand
{
    public static Command Create()
    {
        var status = CommonOptions.OneOf("--status", "Only alliances with this decision", ReviewCoverage.Decisions);
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as Markdown (the form docs/datasets.md embeds)" };
        var cmd = new Command("reviews", "List the review of every ATOP alliance open at the end of the release: decision, dates, sources")
        {
            status, markdown,
        };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var release = ws.Atop;
            var reviews = CorpusReviews.Load(ws);
            var all = ReviewCoverage.Build(release, reviews, ws.Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta),
                cow => ws.States.ByCow(cow)?.Code ?? cow.ToString(CultureInfo.InvariantCulture));
            var wanted = r.GetValue(status);
            var rows = wanted is null ? all : all.Where(x => x.Decision == wanted).ToList();
            var counts = ReviewCoverage.Decisions.ToDictionary(d => d, d => all.Count(x => x.Decision == d));
            if (r.GetValue(CommonOptions.Json))
            {
                var json = new JsonObject
                {
                    ["release_end"] = release.CoverageEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["open_at_end"] = all.Count,
                    ["counts"] = new JsonObject(counts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["alliances"] = new JsonArray(rows.Select(x => (JsonNode)new JsonObject
                    {
                        ["atop"] = x.AtopId, ["name"] = x.Name, ["decision"] = x.Decision, ["detail"] = x.Detail,
                        ["taken_over_by"] = x.TakenOverBy, ["sources"] = x.Sources, ["note"] = x.Note,
                    }).ToArray()),
                };
                Console.WriteLine(JsonShapes.Write(json));
                return ExitCodes.Ok;
            }
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{all.Count} ATOP alliances open at the end of {release.CoverageEnd.Year}: ")
                + string.Join(", ", ReviewCoverage.Decisions.Select(d => $"{counts[d]} {d}"));
            if (r.GetValue(markdown))
            {
                Console.Write(Markdown(rows));
                Console.WriteLine();
                Console.WriteLine(summary + ".");
                return ExitCodes.Ok;
            }
            Output.Table(["ATOP", "decision", "dates", "name", "after the release"],
                rows.Select(x => (IReadOnlyList<string>)[x.AtopId.ToString(CultureInfo.InvariantCulture), x.Decision, x.Detail, x.Name, x.TakenOverBy ?? "the review"]));
            Console.WriteLine(summary);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Markdown(IEnumerable<ReviewCoverageRow> rows)
    {
        var sb = new StringBuilder("| ATOP | alliance | decision | dates | data after 2018 |\n| --- | --- | --- | --- | --- |\n");
        foreach (var x in rows)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {x.AtopId} | {x.Name.Replace("|", "/", StringComparison.Ordinal)} | {x.Decision} | {x.Detail} | {(x.TakenOverBy is { } t ? $"`{t}`" : "review")} |\n");
        }
        return sb.ToString();
    }
}
