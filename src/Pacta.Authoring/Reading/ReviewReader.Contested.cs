using System.Text.RegularExpressions;
using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// The <c>contested:</c> points of a reviewed alliance: where the sources disagree on a member's changes, each
/// reading sets the changes it implies (<c>set: {changes: [...]}</c>, possibly none), with a default and its reason,
/// under the rules of an agreement's contested clauses (docs/format.md).
/// </summary>
internal sealed partial class ReviewReader
{
    private static readonly string[] ClauseRequired = ["clause", "question", "default", "default_reason", "readings"];
    private static readonly string[] ReadingRequired = ["id", "summary", "sources", "set"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private List<ReviewContest> ReadContested(MapReader r, IReadOnlySet<string> sourceIds)
    {
        var result = new List<ReviewContest>();
        var clauseIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in r.List("contested"))
        {
            if (node is not YamlMapping map) { ctx.Error(node, ErrorCodes.WrongType, $"each contested point must be a mapping, not a {MapReader.Shape(node)}"); continue; }
            var c = new MapReader(ctx, map, "contested point of a review", ClauseRequired, []);
            var idNode = c.Required("clause");
            if (idNode is not null)
            {
                if (!IdPattern().IsMatch(idNode.Value))
                    ctx.Error(idNode, ErrorCodes.BadId, $"clause id '{idNode.Value}' must be lower-case words joined by '-'");
                else if (!clauseIds.Add(idNode.Value))
                    ctx.Error(idNode, ErrorCodes.DuplicateReading, $"duplicate contested clause '{idNode.Value}'");
            }
            var readings = new List<ReviewReading>();
            var readingIds = new HashSet<string>(StringComparer.Ordinal);
            var nodes = c.List("readings");
            foreach (var rn in nodes)
            {
                if (rn is not YamlMapping rm) { ctx.Error(rn, ErrorCodes.WrongType, "each reading must be a mapping"); continue; }
                if (ReadReading(rm, sourceIds, readingIds) is { } reading) readings.Add(reading);
            }
            if (c.Has("readings") && nodes.Count < 2)
                ctx.Error(c["readings"]!, ErrorCodes.ReadingShape, "a contested clause needs at least two readings");
            var def = c.Required("default");
            if (def is not null && c.Has("readings") && !readingIds.Contains(def.Value))
                ctx.Error(def, ErrorCodes.UnknownDefaultReading,
                    $"default '{def.Value}' is not a reading of this clause{Suggest.DidYouMean(def.Value, readingIds)} (readings: {string.Join(", ", readingIds)})");
            var reason = c.String("default_reason", required: true);
            var question = c.String("question", required: true);
            if (idNode is null || def is null || reason is null || question is null || readings.Count != nodes.Count) continue;
            result.Add(new ReviewContest(idNode.Value, question, def.Value, reason, readings, ctx.At(map)));
        }
        return result;
    }

    private ReviewReading? ReadReading(YamlMapping map, IReadOnlySet<string> sourceIds, HashSet<string> ids)
    {
        var before = ctx.Diagnostics.Count;
        var r = new MapReader(ctx, map, "reading", ReadingRequired, []);
        var idNode = r.Required("id");
        if (idNode is not null)
        {
            if (!IdPattern().IsMatch(idNode.Value))
                ctx.Error(idNode, ErrorCodes.BadId, $"reading id '{idNode.Value}' must be lower-case words joined by '-'");
            else if (!ids.Add(idNode.Value))
                ctx.Error(idNode, ErrorCodes.DuplicateReading, $"duplicate reading '{idNode.Value}'");
        }
        var sources = new List<string>();
        var sourceNodes = r.List("sources", scalarOk: true);
        if (r.Has("sources") && sourceNodes.Count == 0) ctx.Error(r["sources"]!, ErrorCodes.ProvisionWithoutSource, "a reading must cite at least one source id");
        foreach (var s in sourceNodes)
        {
            if (s is not YamlScalar sc) { ctx.Error(s, ErrorCodes.WrongType, "'sources' lists source ids"); continue; }
            if (!sourceIds.Contains(sc.Value))
                ctx.Error(sc, ErrorCodes.UnknownSource, $"unknown source id '{sc.Value}'{Suggest.DidYouMean(sc.Value, sourceIds)}");
            else sources.Add(sc.Value);
        }
        var set = r.Mapping("set");
        if (set is null && r["set"] is { } bad)
            ctx.Error(bad, ErrorCodes.ReadingShape, "'set' must be a mapping with 'changes' (the member changes of the reading; [] for none)");
        var changes = new List<ReviewChange>();
        if (set is not null)
        {
            var s = new MapReader(ctx, set, "the set of a review's reading (changes)", ["changes"], []);
            foreach (var node in s.List("changes"))
            {
                if (node is not YamlMapping cm)
                {
                    ctx.Error(node, ErrorCodes.WrongType, $"each change must be a mapping with state and leaves or joins, not a {MapReader.Shape(node)}");
                    continue;
                }
                if (Change(cm) is { } change) changes.Add(change);
            }
        }
        var summary = r.String("summary", required: true);
        if (idNode is null || set is null || ctx.Diagnostics.Count > before) return null;
        return new ReviewReading(idNode.Value, summary ?? "", sources, changes, ctx.At(map));
    }
}
