using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// The <c>not_coded:</c> entries of a reviewed alliance: states expected to join or leave (an accession approved
/// and announced, say) whose change no source dates, each with the reason and the sources that show it was expected
/// (docs/format.md). They change no dataset row; they are read so that the review's output names them.
/// </summary>
internal sealed partial class ReviewReader
{
    private List<ReviewNotCoded> ReadNotCoded(MapReader r, IReadOnlySet<string> sourceIds)
    {
        var result = new List<ReviewNotCoded>();
        var listed = new HashSet<int>();
        foreach (var node in r.List("not_coded"))
        {
            if (node is not YamlMapping map)
            {
                ctx.Error(node, ErrorCodes.WrongType, $"each entry of 'not_coded' must be a mapping with state, reason and sources, not a {MapReader.Shape(node)}");
                continue;
            }
            var before = ctx.Diagnostics.Count;
            var m = new MapReader(ctx, map, "state not coded in a review", ["state", "reason", "sources"], []);
            var stateNode = m.Required("state");
            int? state = null;
            if (stateNode is not null)
            {
                var res = states.Resolve(stateNode.Value);
                if (!res.Ok) ctx.Error(stateNode, ErrorCodes.UnknownState, res.Error!);
                else if (!listed.Add(res.State!.Cow)) ctx.Error(stateNode, ErrorCodes.ReviewInconsistent, $"{stateNode.Value} is listed twice under 'not_coded'");
                else state = res.State!.Cow;
            }
            var reason = m.String("reason", required: true);
            var sources = new List<string>();
            var sourceNodes = m.List("sources");
            if (m.Has("sources") && sourceNodes.Count == 0) ctx.Error(m["sources"]!, ErrorCodes.ProvisionWithoutSource, "an entry of 'not_coded' must cite at least one source id");
            foreach (var s in sourceNodes)
            {
                if (s is not YamlScalar sc) { ctx.Error(s, ErrorCodes.WrongType, "'sources' lists source ids"); continue; }
                if (!sourceIds.Contains(sc.Value))
                    ctx.Error(sc, ErrorCodes.UnknownSource, $"unknown source id '{sc.Value}'{Suggest.DidYouMean(sc.Value, sourceIds)}");
                else sources.Add(sc.Value);
            }
            if (ctx.Diagnostics.Count > before || state is not { } st || reason is null) continue;
            result.Add(new ReviewNotCoded(st, reason, sources, ctx.At(map)));
        }
        return result;
    }
}
