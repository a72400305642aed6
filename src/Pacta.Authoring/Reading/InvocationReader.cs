using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// Reads an invocation overlay (corpus/invocation/*.yaml): when one alliance's promises to fight are invoked — attacks
/// by members, named adversaries, the area, the conditions no data decides — with the clauses quoted and sourced.
/// The agreement it names is checked once every agreement is known.
/// </summary>
internal sealed class InvocationReader(FileContext ctx, StateRegistry states)
{
    public InvocationTerms? Read(YamlMapping root, string expectedId)
    {
        var before = ctx.Diagnostics.Count;
        var r = new MapReader(ctx, root, "invocation file", ["id", "agreement", "name", "clauses", "sources"],
            ["between_members", "between_members_note", "adversaries", "adversary_note", "area", "area_note", "conditions", "note", "uncertain", "kinds"]);
        var id = r.Required("id");
        if (id is not null && id.Value != expectedId)
            ctx.Error(id, ErrorCodes.IdMismatch, $"id '{id.Value}' differs from the file name '{expectedId}.yaml'");
        var agreement = r.Required("agreement");
        var name = r.String("name", required: true);
        var members = r.Has("between_members") ? r.Enum<MemberAttacks>("between_members", ErrorCodes.UnknownStatus) : MemberAttacks.NotInvoked;
        var adversaries = r.Has("adversaries") ? StateList(r, "adversaries") : null;
        var area = r.Has("area") ? StateList(r, "area") : null;
        var conditions = new List<InvocationCondition>();
        foreach (var map in r.Mappings("conditions", "each condition must be a mapping with text (and obligors)"))
        {
            var c = new MapReader(ctx, map, "invocation condition", ["text"], ["obligors"]);
            var text = c.String("text", required: true);
            var obligors = c.Has("obligors") ? StateList(c, "obligors") : [];
            if (text is not null) conditions.Add(new InvocationCondition(text, obligors));
        }
        var clauses = new List<InvocationClause>();
        var clauseNodes = r.List("clauses");
        if (r.Has("clauses") && clauseNodes.Count == 0)
            ctx.Error(r["clauses"]!, ErrorCodes.EmptyValue, "at least one clause is required: quote the text the reading rests on");
        foreach (var map in r.Mappings(clauseNodes, "each clause must be a mapping with article and text"))
        {
            var c = new MapReader(ctx, map, "clause", ["article", "text"], []);
            var article = c.String("article", required: true);
            var text = c.String("text", required: true);
            if (article is not null && text is not null) clauses.Add(new InvocationClause(article, text));
        }
        var uncertain = new List<string>();
        foreach (var node in r.List("uncertain"))
        {
            if (node is YamlScalar { Value.Length: > 0 } s) uncertain.Add(s.Value);
            else ctx.Error(node, ErrorCodes.WrongType, $"each item of 'uncertain' must be a sentence saying what the sources leave open, not a {MapReader.Shape(node)}");
        }
        var kinds = new List<ProvisionKind>();
        foreach (var node in r.List("kinds"))
        {
            if (node is YamlScalar { Value: "defense" }) kinds.Add(ProvisionKind.Defense);
            else if (node is YamlScalar { Value: "offense" }) kinds.Add(ProvisionKind.Offense);
            else ctx.Error(node, ErrorCodes.WrongType, $"items of 'kinds' must be defense or offense, the promises to fight an overlay reads, not {(node is YamlScalar k ? $"'{k.Value}'" : $"a {MapReader.Shape(node)}")}");
        }
        var sources = SourceListReader.Read(ctx, r, "sources", new HashSet<string>(StringComparer.Ordinal));
        var terms = new InvocationTerms(agreement?.Value ?? "", name ?? "", members ?? MemberAttacks.NotInvoked, r.String("between_members_note"),
            adversaries, r.String("adversary_note"), area, r.String("area_note"), conditions, clauses, sources, r.String("note"), uncertain, ctx.At(root));
        if (kinds.Count > 0) terms = terms with { Kinds = kinds.Distinct().ToList() };
        return ctx.Diagnostics.Count == before && agreement is not null ? terms : null;
    }

    private List<int> StateList(MapReader r, string key)
    {
        var result = new List<int>();
        foreach (var item in r.List(key))
        {
            if (item is not YamlScalar s)
            {
                ctx.Error(item, ErrorCodes.WrongType, $"items of '{key}' must be states, not a {MapReader.Shape(item)}");
                continue;
            }
            var res = states.Resolve(s.Value);
            if (res.Ok) result.Add(res.State!.Cow);
            else ctx.Error(s, res.Candidates.Count > 1 && res.Error!.Contains("ambiguous", StringComparison.Ordinal) ? ErrorCodes.AmbiguousState : ErrorCodes.UnknownState, res.Error!);
        }
        return result;
    }
}
