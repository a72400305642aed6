using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>Reads the <c>sources</c> list shared by agreement, organization, conflict and review files, and the source ids an element cites.</summary>
internal static class SourceListReader
{
    private static readonly string[] Required = ["id", "url", "supports"];
    private static readonly string[] Optional = ["reliability", "retrieved"];

    public static List<Source> Read(FileContext ctx, MapReader top, string key, HashSet<string> ids)
    {
        var result = new List<Source>();
        var nodes = top.List(key);
        if (top.Has(key) && nodes.Count == 0)
            ctx.Error(top[key]!, ErrorCodes.NoSources, "at least one source is required: every fact must be cited");
        foreach (var map in top.Mappings(nodes, "each source must be a mapping with id, url and supports"))
        {
            var r = new MapReader(ctx, map, "source", Required, Optional);
            var id = r.Required("id");
            if (id is not null && !ids.Add(id.Value))
                ctx.Error(id, ErrorCodes.DuplicateSource, $"duplicate source id '{id.Value}'");
            var url = r.Required("url");
            if (url is not null && !(Uri.TryCreate(url.Value, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https")))
                ctx.Error(url, ErrorCodes.BadUrl, $"'{url.Value}' is not an absolute http(s) URL");
            r.Date("retrieved", out var retrieved, out _, allowOpen: false);
            if (id is not null && url is not null)
            {
                result.Add(new Source(id.Value, url.Value, r.String("supports", required: true) ?? "", r.String("reliability"))
                {
                    Retrieved = retrieved,
                    Position = ctx.At(map),
                });
            }
        }
        return result;
    }

    /// <summary>
    /// The source ids an element cites under <c>sources</c> (a provision, a reading), each one the file defines; a
    /// list given but empty is reported with <paramref name="emptyMessage"/>.
    /// </summary>
    public static List<string> ReadIds(FileContext ctx, MapReader r, IReadOnlySet<string> defined, string emptyMessage)
    {
        var sources = new List<string>();
        var nodes = r.List("sources", scalarOk: true);
        if (r.Has("sources") && nodes.Count == 0) ctx.Error(r["sources"]!, ErrorCodes.ProvisionWithoutSource, emptyMessage);
        foreach (var s in nodes)
        {
            if (s is not YamlScalar sc) { ctx.Error(s, ErrorCodes.WrongType, "'sources' lists source ids"); continue; }
            if (!defined.Contains(sc.Value))
                ctx.Error(sc, ErrorCodes.UnknownSource, $"unknown source id '{sc.Value}'{Suggest.DidYouMean(sc.Value, defined)}");
            else sources.Add(sc.Value);
        }
        return sources;
    }
}
