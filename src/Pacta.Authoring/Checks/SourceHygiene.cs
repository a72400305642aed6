using Pacta.Authoring.Diagnostics;
using Pacta.Domain;

namespace Pacta.Authoring.Checks;

/// <summary>
/// The source-hygiene warnings of <c>pacta check</c> (PACTA101–PACTA105, see docs/errors.md): citations that load
/// but do not let a reader check the fact — a site root, a page cited for unrelated instruments, only weak sources
/// behind a provision, a quoted fragment standing for a whole triggered clause, a source with no retrieval date.
/// Warnings never stop loading; <c>pacta check --strict</c> counts them as failures.
/// </summary>
public static class SourceHygiene
{
    /// <summary>A triggered clause's quote with fewer words than this shows a fragment, not the clause (docs/errors.md).</summary>
    public const int MinTriggeredQuoteWords = 8;

    /// <summary>One file's sources and what makes two files related: the states they involve and their relation links.</summary>
    private sealed record FileSources(string File, string Id, IReadOnlyList<Source> Sources, HashSet<int> States, HashSet<string> Links);

    public static List<Diagnostic> Check(
        IReadOnlyList<Agreement> agreements,
        IReadOnlyDictionary<string, Organization> organizations,
        IEnumerable<Organization> checkedOrganizations,
        IEnumerable<Conflict> checkedConflicts)
    {
        var warnings = new List<Diagnostic>();
        var files = new List<FileSources>();
        foreach (var a in agreements)
        {
            var states = new HashSet<int>();
            var links = a.Related.Select(r => r.Agreement).ToHashSet(StringComparer.Ordinal);
            foreach (var p in a.Parties)
            {
                if (p.State is { } s) states.Add(s);
                else if (p.Organization is { } org)
                {
                    links.Add(org);
                    if (organizations.TryGetValue(org, out var o)) states.UnionWith(o.Members.Select(m => m.State));
                }
            }
            files.Add(new FileSources(a.Position.File, a.Id, a.Sources, states, links));
            WeakOnly(a, warnings);
            PartialQuotes(a, warnings);
        }
        foreach (var o in checkedOrganizations)
            files.Add(new FileSources(o.Position.File, o.Id, o.Sources, o.Members.Select(m => m.State).ToHashSet(), []));
        foreach (var c in checkedConflicts)
            files.Add(new FileSources(c.Position.File, c.Id, c.Sources, c.SideA.Concat(c.SideB).ToHashSet(), []));

        var firstCitedBy = new Dictionary<string, List<FileSources>>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            foreach (var s in f.Sources)
            {
                if (IsSiteRoot(s.Url))
                    Warn(warnings, s.Position, ErrorCodes.SiteRootUrl,
                        $"source '{s.Id}' cites the site root '{s.Url}', which does not show the fact; cite the page itself");
                if (s.Retrieved is null)
                    Warn(warnings, s.Position, ErrorCodes.NoRetrievedDate,
                        $"source '{s.Id}' has no 'retrieved' date (the day the page was consulted)");
            }
            foreach (var url in f.Sources.Select(s => s.Url).Distinct(StringComparer.Ordinal))
            {
                if (!firstCitedBy.TryGetValue(url, out var citers)) firstCitedBy[url] = citers = [];
                var unrelated = citers.FirstOrDefault(other => !Related(f, other));
                if (unrelated is not null)
                {
                    var s = f.Sources.First(x => x.Url == url);
                    Warn(warnings, s.Position, ErrorCodes.SharedUrl,
                        $"source '{s.Id}' cites the same URL as {unrelated.File} ('{unrelated.Id}'), which shares no party with '{f.Id}' and has no 'related' link to it; check that the page supports both");
                }
                citers.Add(f);
            }
        }
        return warnings;
    }

    /// <summary>Two files are related when one links the other (<c>related</c>, or an organization party) or they share a state.</summary>
    private static bool Related(FileSources a, FileSources b) =>
        a.Links.Contains(b.Id) || b.Links.Contains(a.Id) || a.States.Overlaps(b.States);

    /// <summary>An http(s) URL with no path beyond "/" and no query: a home page, not a document.</summary>
    public static bool IsSiteRoot(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsolutePath is "" or "/" && u.Query.Length == 0;

    private static void WeakOnly(Agreement a, List<Diagnostic> warnings)
    {
        var byId = a.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var p in a.Provisions)
        {
            var cited = p.Sources.Select(id => byId.GetValueOrDefault(id)).ToList();
            if (cited.Count > 0 && cited.All(s => s?.Reliability == "weak"))
                Warn(warnings, p.Position, ErrorCodes.WeakSourcesOnly,
                    $"provision '{p.Id}' rests only on weak sources ({string.Join(", ", p.Sources)}); add a primary or secondary source");
        }
    }

    private static void PartialQuotes(Agreement a, List<Diagnostic> warnings)
    {
        foreach (var p in a.Provisions)
        {
            if (p.Trigger is null || p.Quote is null) continue;
            var words = WordCount(p.Quote);
            if (words < MinTriggeredQuoteWords)
                Warn(warnings, p.Position, ErrorCodes.PartialQuote,
                    $"provision '{p.Id}' quotes {words} word(s) (\"{p.Quote}\") of a clause whose trigger decides what-ifs; quote the clause from its condition to its obligation (at least {MinTriggeredQuoteWords} words, elisions as '…')");
        }
    }

    public static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private static void Warn(List<Diagnostic> warnings, Position at, string code, string message) =>
        warnings.Add(new Diagnostic(at.File, at.Line, at.Column, code, message) { IsWarning = true });
}
