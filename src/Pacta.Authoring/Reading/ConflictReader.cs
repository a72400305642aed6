using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>Reads a conflict file: the world context that "after current hostilities" provisions depend on.</summary>
internal sealed class ConflictReader(FileContext ctx, StateRegistry states)
{
    public Conflict? Read(YamlMapping root, string expectedId)
    {
        var before = ctx.Diagnostics.Count;
        var top = new MapReader(ctx, root, "conflict", ["id", "name", "side_a", "side_b", "from", "to", "sources"], ["notes"]);
        var id = top.Required("id");
        if (id is not null && id.Value != expectedId)
            ctx.Error(id, ErrorCodes.IdMismatch, $"id '{id.Value}' differs from the file name '{expectedId}.yaml'");
        var sideA = Side(top, "side_a");
        var sideB = Side(top, "side_b");
        var okFrom = top.Date("from", out var from, out _);
        var okTo = top.Date("to", out var to, out _);
        if (okFrom && okTo && from is not null && to is not null && to < from)
            ctx.Error(top["to"]!, ErrorCodes.EndBeforeStart, $"conflict ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        var sources = SourceListReader.Read(ctx, top, "sources", new HashSet<string>(StringComparer.Ordinal));
        if (ctx.Diagnostics.Count > before || id is null) return null;
        return new Conflict(id.Value, top.String("name", required: true) ?? "", sideA, sideB, new DateSpan(from, to), sources, ctx.At(root));
    }

    private List<int> Side(MapReader top, string key)
    {
        var result = new List<int>();
        foreach (var node in top.List(key, scalarOk: true))
        {
            if (node is not YamlScalar s) { ctx.Error(node, ErrorCodes.WrongType, $"'{key}' lists states"); continue; }
            var res = states.Resolve(s.Value);
            if (res.Ok) result.Add(res.State!.Cow);
            else ctx.Error(s, ErrorCodes.UnknownState, res.Error!);
        }
        return result;
    }
}
