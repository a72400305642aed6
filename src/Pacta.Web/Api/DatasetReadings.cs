using System.Text.Json.Nodes;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary>
/// The readings of the review's contested points for the dataset exports (<c>reading=</c> on
/// <c>/api/datasets/{name}</c>, as the CLI's <c>pacta dyads|state-years --reading</c>): parsed and checked against
/// the reviews, and named in the response as the CLI names them in its summary line.
/// </summary>
public static class DatasetReadings
{
    /// <summary>The response header naming the reading of every contested point the download was read under.</summary>
    public const string Header = "Pacta-Readings";

    /// <summary>The choices of a request with the reading each contested point ends up under.</summary>
    public sealed record Chosen(IReadOnlyList<ReadingChoice> Choices, IReadOnlyList<(string Scope, string Clause, string Reading, bool IsDefault)> Applied);

    /// <summary>
    /// The request's <c>reading</c> values (repeated or comma-separated), each checked against the reviews'
    /// contested points: a 400 naming <c>reading</c> and listing the valid points or readings otherwise.
    /// </summary>
    public static Chosen Parse(IReadOnlyList<string>? reading, PactaSession session)
    {
        var texts = (reading ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var reviews = CorpusReviews.LoadDecisions(session.Workspace);
        var choices = new List<ReadingChoice>();
        foreach (var text in texts)
        {
            var choice = ReadingChoices.Parse(text, out var error) ?? throw ApiProblem.BadField("reading", $"{error}; {Valid(reviews)}");
            if (ReviewReadings.Check(choice, reviews) is { } problem) throw ApiProblem.BadField("reading", $"{problem}; {Valid(reviews)}");
            choices.Add(choice);
        }
        return new Chosen(choices, ReviewReadings.Applied(reviews, choices));
    }

    /// <summary>Every valid choice, in the form <c>reading</c> takes, for an error message.</summary>
    private static string Valid(IReadOnlyList<AtopReview> reviews)
    {
        var all = reviews.SelectMany(r => r.Contested.SelectMany(c => c.Readings.Select(x => $"{r.ScopeId}:{c.Id}={x.Id}"))).ToList();
        return all.Count == 0 ? "the reviews have no contested point" : $"valid: {string.Join(", ", all)}";
    }

    /// <summary>The header's value: <c>atop-3150:venezuela-oas-exit=denunciation-effective (default)</c>, points separated by <c>; </c>.</summary>
    public static string HeaderValue(IEnumerable<(string Scope, string Clause, string Reading, bool IsDefault)> applied) =>
        string.Join("; ", applied.Select(a => $"{a.Scope}:{a.Clause}={a.Reading}{(a.IsDefault ? " (default)" : "")}"));

    /// <summary>What the file name adds for the readings that are not the default (nothing under the defaults, so the default file keeps its name).</summary>
    public static string FileSuffix(IEnumerable<(string Scope, string Clause, string Reading, bool IsDefault)> applied) =>
        string.Concat(applied.Where(a => !a.IsDefault).Select(a => $"-{a.Clause}-{a.Reading}"));

    /// <summary>The contested points of the reviews with their readings (sources resolved to the review's entries), default and why.</summary>
    public static JsonObject Contested(IReadOnlyList<AtopReview> reviews) => new()
    {
        ["contested"] = new JsonArray([.. reviews.SelectMany(r => r.Contested.Select(c => (JsonNode)new JsonObject
        {
            ["review"] = r.ScopeId,
            ["atop"] = r.AtopId,
            ["name"] = r.Name,
            ["clause"] = c.Id,
            ["question"] = c.Question,
            ["default"] = c.Default,
            ["default_reason"] = c.DefaultReason,
            ["readings"] = new JsonArray([.. c.Readings.Select(x => (JsonNode)new JsonObject
            {
                ["id"] = x.Id,
                ["summary"] = x.Summary,
                ["sources"] = new JsonArray([.. x.Sources.Select(id => (JsonNode)(r.Sources.FirstOrDefault(s => s.Id == id) is { } s
                    ? new JsonObject { ["id"] = s.Id, ["url"] = s.Url, ["supports"] = s.Supports }
                    : new JsonObject { ["id"] = id }))]),
            })]),
        }))]),
    };
}
