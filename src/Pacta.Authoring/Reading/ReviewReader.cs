using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// Reads a review file (corpus/reviews/*.yaml): one entry per ATOP alliance open at the end of the release, with
/// its status after it, dates and sources. Every date must fall between <paramref name="firstDay"/> (the day after
/// the release) and <paramref name="today"/>; ids are checked against <paramref name="atopIds"/> when it is known.
/// </summary>
internal sealed partial class ReviewReader(FileContext ctx, StateRegistry states, IReadOnlySet<string> atopIds, DateOnly firstDay, DateOnly today)
{
    public List<AtopReview> Read(YamlMapping root, string expectedId, HashSet<int> seen)
    {
        var result = new List<AtopReview>();
        var top = new MapReader(ctx, root, "review file", ["id", "title", "alliances"], ["notes"]);
        var id = top.Required("id");
        if (id is not null && id.Value != expectedId)
            ctx.Error(id, ErrorCodes.IdMismatch, $"id '{id.Value}' differs from the file name '{expectedId}.yaml'");
        top.String("title", required: true);
        top.Strings("notes");
        foreach (var map in top.Mappings("alliances", "each reviewed alliance must be a mapping with atop, status and sources"))
        {
            if (Entry(map, seen) is { } review) result.Add(review);
        }
        return result;
    }

    private AtopReview? Entry(YamlMapping map, HashSet<int> seen)
    {
        var before = ctx.Diagnostics.Count;
        var r = new MapReader(ctx, map, "reviewed alliance", ["atop", "name", "status", "sources"], ["ended", "changes", "contested", "not_coded", "note"]);
        var atop = Atop(r, seen);
        var name = r.String("name", required: true);
        var status = r.Enum<ReviewStatus>("status", ErrorCodes.UnknownStatus);
        DateOnly? ended = null;
        if (r.Date("ended", out var e, out _, allowOpen: false) && e is { } end && InRange(r["ended"]!, "ended", end)) ended = end;
        var changes = Changes(r);
        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        var sources = SourceListReader.Read(ctx, r, "sources", sourceIds);
        var contested = ReadContested(r, sourceIds);
        var notCoded = ReadNotCoded(r, sourceIds);
        var note = r.String("note");
        if (status is { } s && ctx.Diagnostics.Count == before)
        {
            var problem = s switch
            {
                ReviewStatus.Ended when ended is null => "status 'ended' needs an 'ended' date (the last day in force)",
                ReviewStatus.Changed when changes.Count == 0 && contested.Count == 0 => "status 'changed' needs at least one entry under 'changes' or 'contested'",
                ReviewStatus.Continued when ended is not null || changes.Count > 0 || contested.Count > 0 => "status 'continued' takes neither 'ended' nor 'changes' nor 'contested'",
                ReviewStatus.Ended when changes.Count > 0 => "status 'ended' takes no 'changes' (members leaving before the end are a 'changed' review)",
                _ => null,
            };
            if (problem is not null) ctx.Error(r["status"]!, ErrorCodes.ReviewInconsistent, problem);
        }
        if (ctx.Diagnostics.Count > before || atop is not { } a || status is not { } st) return null;
        return new AtopReview(a, name ?? "", st, ended, changes, sources, note, ctx.At(map)) { Contested = contested, NotCoded = notCoded };
    }

    private int? Atop(MapReader r, HashSet<int> seen)
    {
        var node = r.Required("atop");
        if (node is null) return null;
        if (!int.TryParse(node.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            ctx.Error(node, ErrorCodes.BadNumber, $"'atop' must be an ATOP alliance id (a positive whole number), not '{node.Value}'");
            return null;
        }
        if (atopIds.Count > 0 && !atopIds.Contains($"atop-{id}"))
        {
            ctx.Error(node, ErrorCodes.UnknownAtopAlliance, $"ATOP has no alliance {id}");
            return null;
        }
        if (!seen.Add(id))
        {
            ctx.Error(node, ErrorCodes.UnknownAtopAlliance, $"ATOP alliance {id} is reviewed twice");
            return null;
        }
        return id;
    }

    /// <summary>The member changes under <c>changes</c>: an entry's own, or those a contested point's reading sets.</summary>
    private List<ReviewChange> Changes(MapReader r)
    {
        var changes = new List<ReviewChange>();
        foreach (var cm in r.Mappings("changes", "each change must be a mapping with state and leaves or joins"))
        {
            if (Change(cm) is { } c) changes.Add(c);
        }
        return changes;
    }

    private ReviewChange? Change(YamlMapping map)
    {
        var r = new MapReader(ctx, map, "change", ["state"], ["leaves", "joins", "suspended", "until"]);
        var stateNode = r.Required("state");
        int? state = null;
        if (stateNode is not null)
        {
            var res = states.Resolve(stateNode.Value);
            if (res.Ok) state = res.State!.Cow;
            else ctx.Error(stateNode, res.Candidates.Count > 1 && res.Error!.Contains("ambiguous", StringComparison.Ordinal) ? ErrorCodes.AmbiguousState : ErrorCodes.UnknownState, res.Error!);
        }
        string[] kinds = ["leaves", "joins", "suspended"];
        var given = kinds.Where(r.Has).ToList();
        if (given.Count != 1)
        {
            ctx.Error(map, ErrorCodes.ReviewInconsistent,
                "a change needs exactly one of 'leaves' (the last day as a member), 'joins' (the first day) and 'suspended' (the first day suspended)");
            return null;
        }
        var key = given[0];
        if (r.Has("until") && key != "suspended")
        {
            ctx.Error(r["until"]!, ErrorCodes.ReviewInconsistent, "'until' (the last day suspended) belongs to a 'suspended' change only");
            return null;
        }
        if (!r.Date(key, out var day, out _, allowOpen: false) || day is not { } d || state is not { } st) return null;
        if (key != "suspended") return InRange(r[key]!, key, d) ? new ReviewChange(st, key == "leaves" ? ReviewChangeKind.Leaves : ReviewChangeKind.Joins, d, ctx.At(map)) : null;
        // A suspension may have begun inside the release's years (ATOP then already ends the membership there);
        // the review can only change what comes after, so such a suspension needs its end.
        DateOnly? until = null;
        if (r.Has("until"))
        {
            if (!r.Date("until", out var u, out _, allowOpen: false) || u is not { } ud || !InRange(r["until"]!, "until", ud)) return null;
            if (ud < d)
            {
                ctx.Error(r["until"]!, ErrorCodes.ReviewInconsistent, $"'until' {ud:yyyy-MM-dd} is before 'suspended' {d:yyyy-MM-dd}");
                return null;
            }
            until = ud;
        }
        if (d > today || (d < firstDay && until is null))
        {
            ctx.Error(r["suspended"]!, ErrorCodes.ReviewDateOutOfRange, d > today
                ? $"'suspended' {d:yyyy-MM-dd} is after today ({today:yyyy-MM-dd})"
                : $"'suspended' {d:yyyy-MM-dd} is before the reviewed years ({firstDay:yyyy-MM-dd}) and has no 'until'; a suspension the release already codes needs the day it ended");
            return null;
        }
        return new ReviewChange(st, ReviewChangeKind.Suspended, d, ctx.At(map), until);
    }

    private bool InRange(YamlNode node, string key, DateOnly day)
    {
        if (day >= firstDay && day <= today) return true;
        ctx.Error(node, ErrorCodes.ReviewDateOutOfRange,
            $"'{key}' {day:yyyy-MM-dd} is outside the reviewed years ({firstDay:yyyy-MM-dd} to today, {today:yyyy-MM-dd})");
        return false;
    }
}
