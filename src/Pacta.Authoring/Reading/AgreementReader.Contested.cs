using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>The <c>contested:</c> clauses of an agreement or a provision: readings with sources, a default and its reason.</summary>
internal sealed partial class AgreementReader
{
    private static readonly string[] ProvisionSetKeys = ["after_hostilities", "attacker", "obligor"];
    private static readonly string[] AgreementSetKeys = ["bindingness", "assumed_parties"];

    /// <summary>
    /// Reads the contested clauses under <paramref name="r"/> (an agreement's when <paramref name="provision"/> is
    /// null) by the rules every contested clause follows (<see cref="ContestedClauseReader"/>); only what a reading
    /// sets is the agreement's own. <paramref name="clauseIds"/> holds the ids already used in the file, by the
    /// provision they concern ("" for the agreement).
    /// </summary>
    private List<ContestedClause> ReadContested(MapReader r, string? provision, Dictionary<string, HashSet<string>> clauseIds)
    {
        var place = new ContestedPlace<ReadingEffect>(
            "contested clause", "contested clause", provision is null ? "" : $" in provision {provision}",
            "'set' must be a mapping of the keys the reading sets (at least one)",
            set => ReadSet(set, provision), e => e.Keys);
        var ids = clauseIds.TryGetValue(provision ?? "", out var known) ? known : clauseIds[provision ?? ""] = new(StringComparer.Ordinal);
        return [.. ContestedClauseReader.Read(ctx, r, place, ids, _sourceIds).Select(c => new ContestedClause(c.Id, provision, c.Question, c.Default, c.DefaultReason,
            [.. c.Readings.Select(x => new ClauseReading(x.Id, x.Summary, x.Sources, x.Effect, x.Position))], c.Position))];
    }

    /// <summary>What a reading of an agreement's clause (bindingness, assumed parties) or a provision's (gate, attacker, obligor) sets.</summary>
    private ReadingEffect ReadSet(YamlMapping set, string? provision)
    {
        var s = new MapReader(ctx, set, provision is null ? "the set of an agreement's reading (bindingness, assumed_parties)"
            : "the set of a provision's reading (after_hostilities, attacker, obligor)", [], provision is null ? AgreementSetKeys : ProvisionSetKeys);
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
        return new ReadingEffect(setsGate, gate, attacker, obligor, bindingness, assumed);
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
