using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// The <c>contested:</c> points of a reviewed alliance: where the sources disagree on a member's changes, each
/// reading sets the changes it implies (<c>set: {changes: [...]}</c>, possibly none), with a default and its reason,
/// read by the one reader of contested clauses (<see cref="ContestedClauseReader"/>, docs/format.md).
/// </summary>
internal sealed partial class ReviewReader
{
    private static readonly string[] SetKeys = ["changes"];

    private List<ReviewContest> ReadContested(MapReader r, IReadOnlySet<string> sourceIds)
    {
        var place = new ContestedPlace<List<ReviewChange>>(
            "contested point of a review", "contested point", "",
            "'set' must be a mapping with 'changes' (the member changes of the reading; [] for none)",
            ReadSet, _ => SetKeys);
        return [.. ContestedClauseReader.Read(ctx, r, place, new HashSet<string>(StringComparer.Ordinal), sourceIds).Select(c => new ReviewContest(
            c.Id, c.Question, c.Default, c.DefaultReason, [.. c.Readings.Select(x => new ReviewReading(x.Id, x.Summary, x.Sources, x.Effect, x.Position))], c.Position))];
    }

    /// <summary>The member changes a reading sets (none is a reading too: nothing changed).</summary>
    private List<ReviewChange> ReadSet(YamlMapping set) => Changes(new MapReader(ctx, set, "the set of a review's reading (changes)", SetKeys, []));
}
