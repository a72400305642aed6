using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>The <c>contested:</c> clauses of an agreement or a provision: readings with sources, a default and its reason.</summary>
internal sealed partial class AgreementReader
{
    private static readonly string[] ClauseRequired = ["clause", "question", "default", "default_reason", "readings"];
    private static readonly string[] ReadingRequired = ["id", "summary", "sources", "set"];
    private static readonly string[] ProvisionSetKeys = ["after_hostilities", "attacker", "obligor"];
    private static readonly string[] AgreementSetKeys = ["bindingness", "assumed_parties"];

    /// <summary>
    /// Reads the contested clauses under <paramref name="r"/> (an agreement's when <paramref name="provision"/> is
    /// null). <paramref name="clauseIds"/> holds the ids already used in the file, with the provision they concern.
    /// </summary>
    private List<ContestedClause> ReadContested(MapReader r, string? provision, HashSet<(string, string?)> clauseIds)
    {
        var result = new List<ContestedClause>();
        var keys = provision is null ? AgreementSetKeys : ProvisionSetKeys;
        foreach (var node in r.List("contested"))
        {
            if (node is not YamlMapping map) { ctx.Error(node, ErrorCodes.WrongType, $"each contested clause must be a mapping, not a {MapReader.Shape(node)}"); continue; }
            var c = new MapReader(ctx, map, "contested clause", ClauseRequired, []);
            var idNode = c.Required("clause");
            if (idNode is not null)
            {
                if (!IdPattern().IsMatch(idNode.Value))
                    ctx.Error(idNode, ErrorCodes.BadId, $"clause id '{idNode.Value}' must be lower-case words joined by '-'");
                else if (!clauseIds.Add((idNode.Value, provision)))
                    ctx.Error(idNode, ErrorCodes.DuplicateReading, $"duplicate contested clause '{idNode.Value}'{(provision is null ? "" : $" in provision {provision}")}");
            }
            var readings = new List<ClauseReading>();
            var readingIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rn in c.List("readings"))
            {
                if (rn is not YamlMapping rm) { ctx.Error(rn, ErrorCodes.WrongType, "each reading must be a mapping"); continue; }
                if (ReadReading(rm, keys, provision, readingIds) is { } reading) readings.Add(reading);
            }
            if (c.Has("readings") && c.List("readings").Count < 2)
                ctx.Error(c["readings"]!, ErrorCodes.ReadingShape, "a contested clause needs at least two readings");
            // Every reading sets the same keys: choosing one must leave nothing of another behind.
            if (readings.Count > 1)
            {
                var first = string.Join(", ", readings[0].Effect.Keys);
                foreach (var other in readings.Skip(1))
                    if (string.Join(", ", other.Effect.Keys) is var k && k != first)
                        ctx.Error(other.Position.Line, other.Position.Column, ErrorCodes.ReadingShape,
                            $"reading '{other.Id}' sets {(k.Length == 0 ? "nothing" : k)}, but '{readings[0].Id}' sets {first}; every reading of a clause sets the same keys");
            }
            var def = c.Required("default");
            if (def is not null && c.Has("readings") && !readingIds.Contains(def.Value))
                ctx.Error(def, ErrorCodes.UnknownDefaultReading,
                    $"default '{def.Value}' is not a reading of this clause{Suggest.DidYouMean(def.Value, readingIds)} (readings: {string.Join(", ", readingIds)})");
            var reason = c.String("default_reason", required: true);
            var question = c.String("question", required: true);
            // A reading that could not be read has been reported: the clause is left out rather than kept half-read.
            if (idNode is null || def is null || reason is null || question is null || readings.Count != c.List("readings").Count) continue;
            result.Add(new ContestedClause(idNode.Value, provision, question, def.Value, reason, readings, ctx.At(map)));
        }
        return result;
    }

    private ClauseReading? ReadReading(YamlMapping map, string[] keys, string? provision, HashSet<string> ids)
    {
        var r = new MapReader(ctx, map, "reading", ReadingRequired, []);
        var idNode = r.Required("id");
        if (idNode is not null)
        {
            if (!IdPattern().IsMatch(idNode.Value))
                ctx.Error(idNode, ErrorCodes.BadId, $"reading id '{idNode.Value}' must be lower-case words joined by '-'");
            else if (!ids.Add(idNode.Value))
                ctx.Error(idNode, ErrorCodes.DuplicateReading, $"duplicate reading '{idNode.Value}'");
        }
        var sources = ReadSourceIds(r, "a reading must cite at least one source id");
        var set = r.Mapping("set");
        if (set is null && r["set"] is { } empty)
            ctx.Error(empty, ErrorCodes.ReadingShape, "'set' must be a mapping of the keys the reading sets (at least one)");
        ReadingEffect? effect = null;
        if (set is not null)
        {
            var s = new MapReader(ctx, set, provision is null ? "the set of an agreement's reading (bindingness, assumed_parties)"
                : "the set of a provision's reading (after_hostilities, attacker, obligor)", [], keys);
            if (set.Entries.Count == 0) ctx.Error(set, ErrorCodes.ReadingShape, "a reading must set at least one key");
            var setsGate = s.Has("after_hostilities");
            string? gate = null;
            if (s.Scalar("after_hostilities") is { } a && a.Value != "none")
            {
                if (refs.Conflicts.Contains(a.Value)) gate = a.Value;
                else ctx.Error(a, ErrorCodes.UnknownConflict, $"unknown conflict '{a.Value}'{Suggest.DidYouMean(a.Value, refs.Conflicts)} (or none: no gate)");
            }
            var attacker = s.Has("attacker") ? ReadSelector(s["attacker"], "attacker", ["anyone", "non-party"], allowRole: false, notPartyCode: null) : null;
            var obligor = s.Has("obligor") ? ReadObligor(s["obligor"]) : null;
            var bindingness = s.Has("bindingness") ? s.Enum<Bindingness>("bindingness", ErrorCodes.UnknownBindingness) : null;
            bool? assumed = null;
            if (s.Scalar("assumed_parties") is { } ap)
            {
                if (ap.Value is "include" or "exclude") assumed = ap.Value == "include";
                else ctx.Error(ap, ErrorCodes.ReadingShape, $"assumed_parties '{ap.Value}' must be include or exclude");
            }
            effect = new ReadingEffect(setsGate, gate, attacker, obligor, bindingness, assumed);
        }
        if (idNode is null || effect is null) return null;
        return new ClauseReading(idNode.Value, r.String("summary", required: true) ?? "", sources, effect, ctx.At(map));
    }

    /// <summary>The source ids a provision or reading cites, each defined in the file.</summary>
    private List<string> ReadSourceIds(MapReader r, string emptyMessage)
    {
        var sources = new List<string>();
        var nodes = r.List("sources", scalarOk: true);
        if (r.Has("sources") && nodes.Count == 0) ctx.Error(r["sources"]!, ErrorCodes.ProvisionWithoutSource, emptyMessage);
        foreach (var s in nodes)
        {
            if (s is not YamlScalar sc) { ctx.Error(s, ErrorCodes.WrongType, "'sources' lists source ids"); continue; }
            if (!_sourceIds.Contains(sc.Value))
                ctx.Error(sc, ErrorCodes.UnknownSource, $"unknown source id '{sc.Value}'{Suggest.DidYouMean(sc.Value, _sourceIds)}");
            else sources.Add(sc.Value);
        }
        return sources;
    }

    /// <summary>An obligor: <c>organization:ID</c> (an organization party of the agreement itself), or a selector.</summary>
    private Selector? ReadObligor(YamlNode? node)
    {
        if (node is YamlScalar { IsNull: false } s && s.Value.StartsWith("organization:", StringComparison.Ordinal))
        {
            var id = s.Value["organization:".Length..];
            if (_partyOrganizations.Contains(id)) return Selector.ForOrganization(id);
            ctx.Error(s, ErrorCodes.ObligorNotParty, refs.Organizations.ContainsKey(id)
                ? $"organization '{id}' in 'obligor' is not a party of this agreement"
                : $"unknown organization '{id}'{Suggest.DidYouMean(id, refs.Organizations.Keys)}");
            return null;
        }
        return ReadSelector(node, "obligor", ["other-parties"], allowRole: true, ErrorCodes.ObligorNotParty);
    }
}
