using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>Reads an organization file: id, name, aliases, sources and dated members.</summary>
internal sealed partial class OrganizationReader(FileContext ctx, StateRegistry states)
{
    public Organization? Read(YamlMapping root, string expectedId)
    {
        var before = ctx.Diagnostics.Count;
        var top = new MapReader(ctx, root, "organization", ["id", "name", "sources", "members"], ["notes", "aliases"]);
        var id = top.Required("id");
        if (id is not null && id.Value != expectedId)
            ctx.Error(id, ErrorCodes.IdMismatch, $"id '{id.Value}' differs from the file name '{expectedId}.yaml'");
        var sources = SourceListReader.Read(ctx, top, "sources", new HashSet<string>(StringComparer.Ordinal));
        var members = new List<OrganizationMember>();
        foreach (var map in top.Mappings("members", "each member must be a mapping", withShape: false))
        {
            var r = new MapReader(ctx, map, "member", ["state", "from", "to"], ["note"]);
            var okFrom = r.Date("from", out var from, out _);
            var okTo = r.Date("to", out var to, out _);
            if (okFrom && okTo && from is not null && to is not null && to < from)
            {
                ctx.Error(r["to"]!, ErrorCodes.EndBeforeStart, $"membership ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
                continue;
            }
            if (r.Required("state") is not { } s) continue;
            var res = states.Resolve(s.Value);
            if (!res.Ok)
            {
                ctx.Error(s, res.Candidates.Count > 1 && res.Error!.Contains("ambiguous", StringComparison.Ordinal) ? ErrorCodes.AmbiguousState : ErrorCodes.UnknownState, res.Error!);
                continue;
            }
            var span = new DateSpan(from, to);
            if (members.Any(m => m.State == res.State!.Cow && m.Span.Overlaps(span)))
                ctx.Error(map, ErrorCodes.DuplicateMember, $"{res.State!.Name} is already a member over overlapping dates");
            if (okFrom && okTo) members.Add(new OrganizationMember(res.State!.Cow, span, r.String("note"), ctx.At(map)));
        }
        if (ctx.Diagnostics.Count > before || id is null) return null;
        return new Organization(id.Value, top.String("name", required: true) ?? "", members, sources, ctx.At(root))
        {
            Aliases = ReadAliases(top),
        };
    }

    /// <summary>Aliases are lower-case words joined by '-' like ids, so they can be typed on a command line as they are.</summary>
    private IReadOnlyList<string> ReadAliases(MapReader top)
    {
        var aliases = top.Strings("aliases");
        foreach (var a in aliases.Where(a => !Ids.IsId(a)))
            ctx.Error(top["aliases"]!, ErrorCodes.BadId, $"alias '{a}' must be lower-case words joined by '-' (e.g. north-atlantic-treaty-organization)");
        return aliases;
    }
}
