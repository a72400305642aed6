using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// Where contested clauses stand (an agreement, one of its provisions, a reviewed alliance) and the one thing that
/// differs between those places: what a reading may set (<c>set:</c>). <see cref="ReadSet"/> reads a <c>set:</c>
/// mapping into the reading's effect; <see cref="Keys"/> names the keys an effect sets, which every reading of a
/// clause must share.
/// </summary>
internal sealed record ContestedPlace<TEffect>(
    string ClauseWhat,
    string ClauseNoun,
    string DuplicateWhere,
    string SetNotMapping,
    Func<YamlMapping, TEffect?> ReadSet,
    Func<TEffect, IEnumerable<string>> Keys)
    where TEffect : class;

/// <summary>A contested clause as read, before its place turns it into its model record.</summary>
internal sealed record ContestedRead<TEffect>(string Id, string Question, string Default, string DefaultReason, List<ReadingRead<TEffect>> Readings, Position Position);

/// <summary>A reading as read: id, summary, sources and what it sets.</summary>
internal sealed record ReadingRead<TEffect>(string Id, string Summary, List<string> Sources, TEffect Effect, Position Position);

/// <summary>
/// The one reader of a <c>contested:</c> list and its readings, for agreements and reviews alike (docs/format.md):
/// the required keys, lower-case ids with no repeat, at least two readings, a default that is one of them with its
/// reason, sources defined in the file, and the same keys set by every reading. A clause whose readings could not
/// all be read is left out (its errors have been reported) rather than kept half-read.
/// </summary>
internal static class ContestedClauseReader
{
    private static readonly string[] ClauseRequired = ["clause", "question", "default", "default_reason", "readings"];
    private static readonly string[] ReadingRequired = ["id", "summary", "sources", "set"];

    /// <param name="clauseIds">The clause ids already used where these must differ (a provision, an agreement, a reviewed alliance).</param>
    /// <param name="sourceIds">The source ids the file defines.</param>
    public static List<ContestedRead<TEffect>> Read<TEffect>(
        FileContext ctx, MapReader r, ContestedPlace<TEffect> place, HashSet<string> clauseIds, IReadOnlySet<string> sourceIds)
        where TEffect : class
    {
        var result = new List<ContestedRead<TEffect>>();
        foreach (var map in r.Mappings("contested", $"each {place.ClauseNoun} must be a mapping"))
        {
            var c = new MapReader(ctx, map, place.ClauseWhat, ClauseRequired, []);
            var idNode = c.UniqueId("clause", "clause", clauseIds, ErrorCodes.DuplicateReading, id => $"duplicate contested clause '{id}'{place.DuplicateWhere}");
            var readings = new List<ReadingRead<TEffect>>();
            var readingIds = new HashSet<string>(StringComparer.Ordinal);
            var nodes = c.List("readings");
            foreach (var rm in c.Mappings(nodes, "each reading must be a mapping", withShape: false))
            {
                if (ReadReading(ctx, rm, place, sourceIds, readingIds) is { } reading) readings.Add(reading);
            }
            if (c.Has("readings") && nodes.Count < 2)
                ctx.Error(c["readings"]!, ErrorCodes.ReadingShape, "a contested clause needs at least two readings");
            // Every reading sets the same keys: choosing one must leave nothing of another behind.
            if (readings.Count > 1)
            {
                var first = string.Join(", ", place.Keys(readings[0].Effect));
                foreach (var other in readings.Skip(1))
                    if (string.Join(", ", place.Keys(other.Effect)) is var k && k != first)
                        ctx.Error(other.Position.Line, other.Position.Column, ErrorCodes.ReadingShape,
                            $"reading '{other.Id}' sets {(k.Length == 0 ? "nothing" : k)}, but '{readings[0].Id}' sets {first}; every reading of a clause sets the same keys");
            }
            var def = c.Required("default");
            if (def is not null && c.Has("readings") && !readingIds.Contains(def.Value))
                ctx.Error(def, ErrorCodes.UnknownDefaultReading,
                    $"default '{def.Value}' is not a reading of this clause{Suggest.DidYouMean(def.Value, readingIds)} (readings: {string.Join(", ", readingIds)})");
            var reason = c.String("default_reason", required: true);
            var question = c.String("question", required: true);
            if (idNode is null || def is null || reason is null || question is null || readings.Count != nodes.Count) continue;
            result.Add(new ContestedRead<TEffect>(idNode.Value, question, def.Value, reason, readings, ctx.At(map)));
        }
        return result;
    }

    private static ReadingRead<TEffect>? ReadReading<TEffect>(
        FileContext ctx, YamlMapping map, ContestedPlace<TEffect> place, IReadOnlySet<string> sourceIds, HashSet<string> ids)
        where TEffect : class
    {
        var r = new MapReader(ctx, map, "reading", ReadingRequired, []);
        var idNode = r.UniqueId("id", "reading", ids, ErrorCodes.DuplicateReading, id => $"duplicate reading '{id}'");
        var sources = SourceListReader.ReadIds(ctx, r, sourceIds, "a reading must cite at least one source id");
        var set = r.Mapping("set");
        if (set is null && r["set"] is { } bad) ctx.Error(bad, ErrorCodes.ReadingShape, place.SetNotMapping);
        var effect = set is null ? null : place.ReadSet(set);
        var summary = r.String("summary", required: true);
        if (idNode is null || effect is null) return null;
        return new ReadingRead<TEffect>(idNode.Value, summary ?? "", sources, effect, ctx.At(map));
    }
}
